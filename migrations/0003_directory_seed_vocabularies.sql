-- The vocabularies every installation starts with. Administrators edit them in the app afterwards;
-- codes are stable, labels are per language, and a term can be retired without touching records.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('organisation_type', '{"en":"Organisation types","fil":"Mga uri ng organisasyon","id":"Jenis organisasi","ar":"أنواع المنظمات"}', 'What kind of organisation a directory entry is. Networks are the "network" branch.'),
  ('membership_role', '{"en":"Membership roles","fil":"Mga tungkulin sa pagkakasapi","id":"Peran keanggotaan","ar":"أدوار العضوية"}', 'The role of a member organisation or person in a network or organisation.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('organisation_type', 'migrant_organisation', 10, '{"en":"Migrant organisation","fil":"Organisasyon ng mga migrante","id":"Organisasi migran","ar":"منظمة مهاجرين"}'),
  ('organisation_type', 'ngo', 20, '{"en":"Non-governmental organisation","fil":"Organisasyong di-pampamahalaan","id":"Organisasi non-pemerintah","ar":"منظمة غير حكومية"}'),
  ('organisation_type', 'trade_union', 30, '{"en":"Trade union","fil":"Unyon ng manggagawa","id":"Serikat pekerja","ar":"نقابة عمالية"}'),
  ('organisation_type', 'faith_group', 40, '{"en":"Faith group","fil":"Grupong pampananampalataya","id":"Kelompok keagamaan","ar":"جماعة دينية"}'),
  ('organisation_type', 'service_institution', 50, '{"en":"Service institution","fil":"Institusyong pangserbisyo","id":"Lembaga layanan","ar":"مؤسسة خدمية"}'),
  ('organisation_type', 'grassroots_organisation', 60, '{"en":"Grassroots sectoral organisation","fil":"Organisasyong sektoral sa antas-masa","id":"Organisasi sektoral akar rumput","ar":"منظمة قاعدية قطاعية"}'),
  ('organisation_type', 'human_rights_group', 70, '{"en":"Human-rights group","fil":"Grupo para sa karapatang pantao","id":"Kelompok hak asasi manusia","ar":"مجموعة لحقوق الإنسان"}'),
  ('organisation_type', 'university', 80, '{"en":"University or school","fil":"Unibersidad o paaralan","id":"Universitas atau sekolah","ar":"جامعة أو مدرسة"}'),
  ('organisation_type', 'government', 90, '{"en":"Government or mission","fil":"Pamahalaan o misyon","id":"Pemerintah atau perwakilan","ar":"حكومة أو بعثة"}'),
  ('organisation_type', 'parliament', 100, '{"en":"Parliament","fil":"Parlamento","id":"Parlemen","ar":"برلمان"}'),
  ('organisation_type', 'international_organisation', 110, '{"en":"International organisation","fil":"Pandaigdigang organisasyon","id":"Organisasi internasional","ar":"منظمة دولية"}'),
  ('organisation_type', 'employers_organisation', 120, '{"en":"Employers'' organisation","fil":"Organisasyon ng mga employer","id":"Organisasi pengusaha","ar":"منظمة أصحاب العمل"}'),
  ('organisation_type', 'network', 130, '{"en":"Network or platform","fil":"Network o plataporma","id":"Jaringan atau platform","ar":"شبكة أو منصة"}'),
  ('membership_role', 'secretariat', 10, '{"en":"Secretariat","fil":"Sekretaryado","id":"Sekretariat","ar":"الأمانة"}'),
  ('membership_role', 'member', 20, '{"en":"Member","fil":"Kasapi","id":"Anggota","ar":"عضو"}'),
  ('membership_role', 'partner', 30, '{"en":"Partner","fil":"Katuwang","id":"Mitra","ar":"شريك"}'),
  ('membership_role', 'area_coordinator', 40, '{"en":"Area coordinator","fil":"Koordinador ng lugar","id":"Koordinator wilayah","ar":"منسق منطقة"}'),
  ('membership_role', 'focal_point', 50, '{"en":"Focal point","fil":"Focal point","id":"Narahubung","ar":"جهة اتصال"}'),
  ('membership_role', 'observer', 60, '{"en":"Observer","fil":"Tagamasid","id":"Pengamat","ar":"مراقب"}'),
  ('membership_role', 'staff', 70, '{"en":"Staff","fil":"Kawani","id":"Staf","ar":"موظف"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'organisation_type', v.code, v.position, v.labels::jsonb, p.id
FROM (VALUES
  ('platform', 10, '{"en":"Platform","fil":"Plataporma","id":"Platform","ar":"منصة"}'),
  ('caucus', 20, '{"en":"Caucus","fil":"Kaukus","id":"Kaukus","ar":"تكتل"}')
) AS v(code, position, labels)
JOIN vocabulary_terms p ON p.vocabulary_key = 'organisation_type' AND p.code = 'network'
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
UPDATE organisations SET search_text = lower(name || ' ' || coalesce(acronym, '')) WHERE search_text = '';
