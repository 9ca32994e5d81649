-- The provisions an agreement the network monitors can contain (agreements module). Network
-- administrators edit the vocabulary in the app; codes are stable.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('agreement_provision', '{"en":"Agreement provisions","fil":"Mga probisyon ng kasunduan","id":"Ketentuan perjanjian","ar":"أحكام الاتفاقيات"}', 'What a labour agreement, memorandum of understanding, economic partnership agreement or regional instrument provides for.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('agreement_provision', 'covers_domestic_workers', 10, '{"en":"Covers domestic workers","fil":"Saklaw ang mga kasambahay","id":"Mencakup pekerja rumah tangga","ar":"يشمل العمال المنزليين"}'),
  ('agreement_provision', 'standard_contract', 20, '{"en":"Standard employment contract","fil":"Pamantayang kontrata sa trabaho","id":"Kontrak kerja standar","ar":"عقد عمل موحد"}'),
  ('agreement_provision', 'wage_protection', 30, '{"en":"Wage protection","fil":"Proteksyon sa sahod","id":"Perlindungan upah","ar":"حماية الأجور"}'),
  ('agreement_provision', 'recruitment_fees', 40, '{"en":"No recruitment fees charged to workers","fil":"Walang singil sa recruitment sa mga manggagawa","id":"Tanpa biaya rekrutmen bagi pekerja","ar":"عدم تحميل العمال رسوم التوظيف"}'),
  ('agreement_provision', 'complaint_mechanism', 50, '{"en":"Complaint mechanism","fil":"Mekanismo ng pagrereklamo","id":"Mekanisme pengaduan","ar":"آلية الشكاوى"}'),
  ('agreement_provision', 'social_security', 60, '{"en":"Social security","fil":"Seguridad panlipunan","id":"Jaminan sosial","ar":"الضمان الاجتماعي"}'),
  ('agreement_provision', 'repatriation', 70, '{"en":"Repatriation","fil":"Repatriyasyon","id":"Pemulangan","ar":"الإعادة إلى الوطن"}'),
  ('agreement_provision', 'rest_days', 80, '{"en":"Weekly rest day","fil":"Lingguhang araw ng pahinga","id":"Hari istirahat mingguan","ar":"يوم راحة أسبوعي"}'),
  ('agreement_provision', 'document_retention', 90, '{"en":"Workers keep their passports","fil":"Hawak ng manggagawa ang kanilang pasaporte","id":"Pekerja menyimpan paspor sendiri","ar":"احتفاظ العمال بجوازات سفرهم"}'),
  ('agreement_provision', 'joint_committee', 100, '{"en":"Joint committee for implementation","fil":"Pinagsamang komite sa pagpapatupad","id":"Komite bersama untuk pelaksanaan","ar":"لجنة مشتركة للتنفيذ"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
