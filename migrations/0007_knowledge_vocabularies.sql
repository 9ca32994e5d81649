-- Vocabularies of the knowledge module (good practices and the publications library). Administrators
-- edit them in the app; codes are stable. The MLFLM is the ILO Multilateral Framework on Labour
-- Migration (2006): principles at the top, their guidelines beneath, labelled as the ILO
-- good-practices database writes them ("9.", "9.(b)"). Only the guidelines the seed record cites are
-- seeded; administrators add the others.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('thematic_area', '{"en":"Thematic areas","fil":"Mga larangang tematiko","id":"Bidang tematik","ar":"المجالات المواضيعية"}', 'Thematic areas of good practices and publications (ILO good-practices database).'),
  ('mlflm', '{"en":"ILO Multilateral Framework on Labour Migration","fil":"ILO Multilateral Framework on Labour Migration","id":"Kerangka Multilateral ILO tentang Migrasi Tenaga Kerja","ar":"الإطار المتعدد الأطراف لمنظمة العمل الدولية بشأن هجرة اليد العاملة"}', 'Principles (top level) and guidelines (beneath) of the ILO Multilateral Framework on Labour Migration, 2006.'),
  ('publication_type', '{"en":"Publication types","fil":"Mga uri ng publikasyon","id":"Jenis publikasi","ar":"أنواع المنشورات"}', 'What kind of publication a library entry is.'),
  ('practice_organisation_type', '{"en":"Responsible organisation types","fil":"Mga uri ng responsableng organisasyon","id":"Jenis organisasi penanggung jawab","ar":"أنواع المنظمات المسؤولة"}', 'The type of a responsible organisation of a good practice, as in the ILO good-practices database.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('thematic_area', 'evidence_based_policy', 10, '{"en":"Evidence-based policy making","fil":"Paggawa ng patakarang batay sa ebidensya","id":"Pembuatan kebijakan berbasis bukti","ar":"صنع السياسات القائم على الأدلة"}'),
  ('thematic_area', 'protection', 20, '{"en":"Protection","fil":"Proteksyon","id":"Perlindungan","ar":"الحماية"}'),
  ('thematic_area', 'ratification_campaigns', 30, '{"en":"Ratification campaigns and implementation","fil":"Mga kampanya sa ratipikasyon at pagpapatupad","id":"Kampanye ratifikasi dan implementasi","ar":"حملات التصديق والتنفيذ"}'),
  ('thematic_area', 'migration_development', 40, '{"en":"Migration and development","fil":"Migrasyon at kaunlaran","id":"Migrasi dan pembangunan","ar":"الهجرة والتنمية"}'),
  ('thematic_area', 'social_dialogue', 50, '{"en":"Social dialogue","fil":"Panlipunang diyalogo","id":"Dialog sosial","ar":"الحوار الاجتماعي"}'),
  ('publication_type', 'research', 10, '{"en":"Research","fil":"Pananaliksik","id":"Penelitian","ar":"بحث"}'),
  ('publication_type', 'policy_brief', 20, '{"en":"Policy brief","fil":"Policy brief","id":"Ringkasan kebijakan","ar":"موجز سياسات"}'),
  ('publication_type', 'yearbook', 30, '{"en":"Yearbook","fil":"Taunang aklat","id":"Buku tahunan","ar":"كتاب سنوي"}'),
  ('publication_type', 'country_report', 40, '{"en":"Country report","fil":"Ulat ng bansa","id":"Laporan negara","ar":"تقرير قُطري"}'),
  ('publication_type', 'thematic_report', 50, '{"en":"Thematic report","fil":"Ulat na tematiko","id":"Laporan tematik","ar":"تقرير مواضيعي"}'),
  ('publication_type', 'statement', 60, '{"en":"Statement","fil":"Pahayag","id":"Pernyataan","ar":"بيان"}'),
  ('publication_type', 'training_material', 70, '{"en":"Training material","fil":"Materyales sa pagsasanay","id":"Materi pelatihan","ar":"مواد تدريبية"}'),
  ('practice_organisation_type', 'government', 10, '{"en":"Government","fil":"Pamahalaan","id":"Pemerintah","ar":"حكومة"}'),
  ('practice_organisation_type', 'workers_organisation', 20, '{"en":"Workers'' organisation","fil":"Organisasyon ng mga manggagawa","id":"Organisasi pekerja","ar":"منظمة عمال"}'),
  ('practice_organisation_type', 'employers_organisation', 30, '{"en":"Employers'' organisation","fil":"Organisasyon ng mga employer","id":"Organisasi pengusaha","ar":"منظمة أصحاب العمل"}'),
  ('practice_organisation_type', 'civil_society', 40, '{"en":"Civil society","fil":"Lipunang sibil","id":"Masyarakat sipil","ar":"المجتمع المدني"}'),
  ('practice_organisation_type', 'international_organisation', 50, '{"en":"International organisation","fil":"Pandaigdigang organisasyon","id":"Organisasi internasional","ar":"منظمة دولية"}'),
  ('practice_organisation_type', 'other', 60, '{"en":"Other","fil":"Iba pa","id":"Lainnya","ar":"أخرى"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, scope_note)
SELECT 'mlflm', 'p' || n, n, jsonb_build_object('en', n || '.', 'fil', n || '.', 'id', n || '.', 'ar', n || '.'), 'Principle ' || n
FROM generate_series(1, 15) AS n
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'mlflm', v.code, v.position, jsonb_build_object('en', v.label, 'fil', v.label, 'id', v.label, 'ar', v.label), p.id
FROM (VALUES ('p9.a', 1, '9.(a)', 'p9'), ('p9.b', 2, '9.(b)', 'p9'), ('p9.c', 3, '9.(c)', 'p9')) AS v(code, position, label, parent)
JOIN vocabulary_terms p ON p.vocabulary_key = 'mlflm' AND p.code = v.parent
ON CONFLICT (vocabulary_key, code) DO NOTHING;
