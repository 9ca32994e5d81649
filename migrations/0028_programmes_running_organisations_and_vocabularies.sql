-- Programmes were run by one organisation (programmes.organisation_id); now by one or more, kept in
-- programme_organisations with role 'runs'. The column itself is dropped by the next migration.
INSERT INTO programme_organisations (programme_id, organisation_id, role, position)
SELECT id, organisation_id, 'runs', 0 FROM programmes
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Readable slugs for the programmes already there (their name, lower-case, dashes; numbered when two match).
WITH base AS (
  SELECT id,
         coalesce(nullif(left(trim(both '-' from lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g'))), 70), ''), 'programme') AS slug,
         row_number() OVER (
           PARTITION BY coalesce(nullif(left(trim(both '-' from lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g'))), 70), ''), 'programme')
           ORDER BY created_at, id
         ) AS n
  FROM programmes
)
UPDATE programmes p
SET slug = trim(both '-' from base.slug) || CASE WHEN base.n > 1 THEN '-' || base.n ELSE '' END
FROM base WHERE base.id = p.id;
--> statement-breakpoint
INSERT INTO vocabularies (key, labels, description) VALUES
  ('programme_theme', '{"en":"Programme themes","fil":"Mga tema ng programa","id":"Tema program","ar":"محاور البرامج"}', 'What a programme works on.'),
  ('programme_target_group', '{"en":"Programme target groups","fil":"Mga pangkat na pinaglilingkuran ng programa","id":"Kelompok sasaran program","ar":"الفئات المستهدفة بالبرامج"}', 'Whom a programme works with or for.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('programme_theme', 'women', 10, '{"en":"Women and gender","fil":"Kababaihan at kasarian","id":"Perempuan dan gender","ar":"المرأة والنوع الاجتماعي"}'),
  ('programme_theme', 'undocumented', 20, '{"en":"Undocumented migrants: stop arrest, detention and deportation","fil":"Mga migranteng walang dokumento: itigil ang pag-aresto, pagkulong at deportasyon","id":"Migran tidak berdokumen: hentikan penangkapan, penahanan dan deportasi","ar":"المهاجرون غير الموثقين: وقف الاعتقال والاحتجاز والترحيل"}'),
  ('programme_theme', 'trade_unions', 30, '{"en":"Trade unions and migrant workers'' organisations","fil":"Mga unyon at organisasyon ng mga manggagawang migrante","id":"Serikat pekerja dan organisasi pekerja migran","ar":"النقابات العمالية ومنظمات العمال المهاجرين"}'),
  ('programme_theme', 'marriage_migration', 40, '{"en":"Marriage migration","fil":"Migrasyon dahil sa pag-aasawa","id":"Migrasi perkawinan","ar":"الهجرة بغرض الزواج"}'),
  ('programme_theme', 'development_forced_migration', 50, '{"en":"Development and forced migration","fil":"Kaunlaran at sapilitang migrasyon","id":"Pembangunan dan migrasi paksa","ar":"التنمية والهجرة القسرية"}'),
  ('programme_theme', 'trade_agreements', 60, '{"en":"Economic partnership and bilateral agreements","fil":"Mga kasunduang pang-ekonomiya at bilateral","id":"Perjanjian kemitraan ekonomi dan bilateral","ar":"اتفاقيات الشراكة الاقتصادية والاتفاقيات الثنائية"}'),
  ('programme_theme', 'domestic_work', 70, '{"en":"Domestic work as work","fil":"Gawaing-bahay bilang trabaho","id":"Kerja rumah tangga sebagai pekerjaan","ar":"العمل المنزلي عمل"}'),
  ('programme_theme', 'ratification', 80, '{"en":"Ratification campaigns","fil":"Mga kampanya para sa ratipikasyon","id":"Kampanye ratifikasi","ar":"حملات التصديق"}'),
  ('programme_theme', 'networking', 90, '{"en":"Organising and networking","fil":"Pag-oorganisa at pakikipag-ugnayan sa mga network","id":"Pengorganisasian dan jejaring","ar":"التنظيم والتشبيك"}'),
  ('programme_theme', 'research', 100, '{"en":"Research and publications","fil":"Pananaliksik at mga publikasyon","id":"Riset dan publikasi","ar":"البحوث والمنشورات"}'),
  ('programme_theme', 'capacity_building', 110, '{"en":"Training and capacity building","fil":"Pagsasanay at pagpapalakas ng kakayahan","id":"Pelatihan dan peningkatan kapasitas","ar":"التدريب وبناء القدرات"}'),
  ('programme_theme', 'intergovernmental', 120, '{"en":"Inter-governmental processes","fil":"Mga prosesong intergobyerno","id":"Proses antarpemerintah","ar":"العمليات الحكومية الدولية"}'),
  ('programme_theme', 'parliamentary', 130, '{"en":"Parliamentary engagement","fil":"Pakikipag-ugnayan sa mga mambabatas","id":"Keterlibatan parlemen","ar":"العمل مع البرلمانات"}'),
  ('programme_theme', 'legal_redress', 140, '{"en":"Legal redress across borders","fil":"Legal na remedyo sa iba''t ibang bansa","id":"Pemulihan hukum lintas batas","ar":"الإنصاف القانوني عبر الحدود"}'),
  ('programme_theme', 'internships', 150, '{"en":"Internships and volunteers","fil":"Mga internship at boluntaryo","id":"Magang dan relawan","ar":"التدريب الداخلي والمتطوعون"}'),
  ('programme_target_group', 'women', 10, '{"en":"Women migrants","fil":"Kababaihang migrante","id":"Perempuan migran","ar":"المهاجرات"}'),
  ('programme_target_group', 'undocumented', 20, '{"en":"Undocumented migrants","fil":"Mga migranteng walang dokumento","id":"Migran tidak berdokumen","ar":"المهاجرون غير الموثقين"}'),
  ('programme_target_group', 'marriage_migrants', 30, '{"en":"Marriage migrants","fil":"Mga migranteng dahil sa pag-aasawa","id":"Migran perkawinan","ar":"المهاجرون بغرض الزواج"}'),
  ('programme_target_group', 'domestic_workers', 40, '{"en":"Domestic workers","fil":"Mga kasambahay","id":"Pekerja rumah tangga","ar":"عمال المنازل"}'),
  ('programme_target_group', 'migrant_workers', 50, '{"en":"Migrant workers","fil":"Mga manggagawang migrante","id":"Pekerja migran","ar":"العمال المهاجرون"}'),
  ('programme_target_group', 'migrant_organisations', 60, '{"en":"Trade unions and migrant workers'' organisations","fil":"Mga unyon at organisasyon ng mga manggagawang migrante","id":"Serikat pekerja dan organisasi pekerja migran","ar":"النقابات العمالية ومنظمات العمال المهاجرين"}'),
  ('programme_target_group', 'rights_defenders', 70, '{"en":"Human rights defenders and community advocates","fil":"Mga tagapagtanggol ng karapatang pantao at tagapagtaguyod sa komunidad","id":"Pembela hak asasi manusia dan advokat komunitas","ar":"المدافعون عن حقوق الإنسان والمناصرون المجتمعيون"}'),
  ('programme_target_group', 'parliamentarians', 80, '{"en":"Parliamentarians","fil":"Mga mambabatas","id":"Anggota parlemen","ar":"البرلمانيون"}'),
  ('programme_target_group', 'lawyers', 90, '{"en":"Lawyers and legal practitioners","fil":"Mga abogado at manananggol","id":"Pengacara dan praktisi hukum","ar":"المحامون والممارسون القانونيون"}'),
  ('programme_target_group', 'missions', 100, '{"en":"Embassy and consular officials","fil":"Mga opisyal ng embahada at konsulado","id":"Pejabat kedutaan dan konsulat","ar":"موظفو السفارات والقنصليات"}'),
  ('programme_target_group', 'students', 110, '{"en":"Students, interns and volunteers","fil":"Mga mag-aaral, intern at boluntaryo","id":"Pelajar, peserta magang dan relawan","ar":"الطلاب والمتدربون والمتطوعون"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
