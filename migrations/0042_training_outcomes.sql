-- What became of a graduate, recorded when a follow-up is done. Administrators add terms in the
-- app; codes are stable. Labels in every complete UI language.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('training_outcome', '{"en":"Training outcomes","fil":"Mga kinalabasan ng pagsasanay","id":"Hasil pelatihan","ar":"نتائج التدريب","ne":"तालिमका नतिजा","bn":"প্রশিক্ষণের ফলাফল","zh-Hant":"培訓成果"}', 'What a training graduate went on to do, recorded at a follow-up.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('training_outcome', 'leads_union_branch', 10, '{"en":"Now leads a union branch","fil":"Namumuno na sa isang sangay ng unyon","id":"Kini memimpin cabang serikat pekerja","ar":"يقود الآن فرعًا نقابيًا","ne":"अहिले ट्रेड युनियनको शाखाको नेतृत्व गर्छन्","bn":"এখন একটি ইউনিয়ন শাখার নেতৃত্ব দেন","zh-Hant":"現在領導一個工會分會"}'),
  ('training_outcome', 'took_case', 20, '{"en":"Took a case","fil":"Humawak ng kaso","id":"Menangani sebuah kasus","ar":"تولّى قضية","ne":"एउटा मुद्दा लिए","bn":"একটি মামলা হাতে নিয়েছেন","zh-Hant":"承接了一宗個案"}'),
  ('training_outcome', 'trained_others', 30, '{"en":"Trained others","fil":"Nagsanay ng iba","id":"Melatih orang lain","ar":"درّب آخرين","ne":"अरूलाई तालिम दिए","bn":"অন্যদের প্রশিক্ষণ দিয়েছেন","zh-Hant":"培訓了其他人"}'),
  ('training_outcome', 'advocacy_action', 40, '{"en":"Led an advocacy action","fil":"Namuno sa isang aksyong adbokasiya","id":"Memimpin aksi advokasi","ar":"قاد عملًا مناصرًا","ne":"पैरवी कार्यको नेतृत्व गरे","bn":"একটি অ্যাডভোকেসি কার্যক্রমের নেতৃত্ব দিয়েছেন","zh-Hant":"帶領了一項倡議行動"}'),
  ('training_outcome', 'no_news', 90, '{"en":"No news yet","fil":"Wala pang balita","id":"Belum ada kabar","ar":"لا أخبار بعد","ne":"अहिलेसम्म कुनै खबर छैन","bn":"এখনও কোনো খবর নেই","zh-Hant":"尚無消息"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
