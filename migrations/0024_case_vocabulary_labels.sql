-- Labels of the case vocabularies (violation types, sectors) in every complete interface language.
-- Migration 0012 loaded them in English only. Shipped labels go under what an installation already
-- has ("shipped || existing"): a label an administrator wrote stays; a term an administrator added
-- is untouched. Rows change only when a label is actually missing, so running on a database that
-- already has them changes nothing (see docs/decisions/case-vocabulary-labels.md).
UPDATE vocabularies AS v
SET labels = s.labels::jsonb || v.labels, updated_at = now(), version = v.version + 1
FROM (VALUES
  ('case_violation', '{"fil": "Mga uri ng paglabag", "id": "Jenis pelanggaran", "ar": "أنواع الانتهاكات", "ne": "उल्लङ्घनका प्रकार", "bn": "লঙ্ঘনের ধরন", "zh-Hant": "侵權類別"}'),
  ('case_sector', '{"fil": "Mga sektor ng trabaho", "id": "Sektor pekerjaan", "ar": "قطاعات العمل", "ne": "कामका क्षेत्र", "bn": "কাজের খাত", "zh-Hant": "工作行業"}')
) AS s(key, labels)
WHERE v.key = s.key AND s.labels::jsonb || v.labels IS DISTINCT FROM v.labels;
--> statement-breakpoint
UPDATE vocabulary_terms AS t
SET labels = s.labels::jsonb || t.labels, updated_at = now(), version = t.version + 1
FROM (VALUES
  ('domestic_work', '{"fil": "Trabahong pambahay", "id": "Pekerjaan rumah tangga", "ar": "العمل المنزلي", "ne": "घरेलु काम", "bn": "গৃহকর্ম", "zh-Hant": "家務工作"}'),
  ('construction', '{"fil": "Konstruksiyon", "id": "Konstruksi", "ar": "البناء", "ne": "निर्माण", "bn": "নির্মাণ", "zh-Hant": "建造業"}'),
  ('fishing', '{"fil": "Pangingisda", "id": "Perikanan", "ar": "صيد الأسماك", "ne": "माछा मार्ने काम", "bn": "মাছ ধরা", "zh-Hant": "漁業"}'),
  ('agriculture', '{"fil": "Agrikultura", "id": "Pertanian", "ar": "الزراعة", "ne": "कृषि", "bn": "কৃষি", "zh-Hant": "農業"}'),
  ('manufacturing', '{"fil": "Pagmamanupaktura", "id": "Manufaktur", "ar": "الصناعة التحويلية", "ne": "उत्पादन उद्योग", "bn": "উৎপাদন শিল্প", "zh-Hant": "製造業"}'),
  ('hospitality', '{"fil": "Hotel at restawran", "id": "Perhotelan dan restoran", "ar": "الضيافة", "ne": "होटल तथा रेस्टुरेन्ट", "bn": "হোটেল ও রেস্তোরাঁ", "zh-Hant": "酒店及餐飲業"}'),
  ('care', '{"fil": "Trabahong pag-aalaga", "id": "Pekerjaan perawatan", "ar": "أعمال الرعاية", "ne": "हेरचाहको काम", "bn": "সেবাযত্নের কাজ", "zh-Hant": "護理照顧工作"}'),
  ('cleaning', '{"fil": "Paglilinis", "id": "Kebersihan", "ar": "التنظيف", "ne": "सरसफाइ", "bn": "পরিচ্ছন্নতার কাজ", "zh-Hant": "清潔工作"}'),
  ('transport', '{"fil": "Transportasyon", "id": "Transportasi", "ar": "النقل", "ne": "यातायात", "bn": "পরিবহন", "zh-Hant": "運輸業"}'),
  ('entertainment', '{"fil": "Libangan", "id": "Hiburan", "ar": "الترفيه", "ne": "मनोरञ्जन", "bn": "বিনোদন", "zh-Hant": "娛樂業"}'),
  ('other', '{"fil": "Iba pa", "id": "Lainnya", "ar": "أخرى", "ne": "अन्य", "bn": "অন্যান্য", "zh-Hant": "其他"}')
) AS s(code, labels)
WHERE t.vocabulary_key = 'case_sector' AND t.code = s.code AND s.labels::jsonb || t.labels IS DISTINCT FROM t.labels;
--> statement-breakpoint
UPDATE vocabulary_terms AS t
SET labels = s.labels::jsonb || t.labels, updated_at = now(), version = t.version + 1
FROM (VALUES
  ('labour', '{"fil": "Mga paglabag sa karapatan sa paggawa", "id": "Pelanggaran hak ketenagakerjaan", "ar": "انتهاكات حقوق العمل", "ne": "श्रम अधिकारको उल्लङ्घन", "bn": "শ্রম অধিকার লঙ্ঘন", "zh-Hant": "侵犯勞工權利"}'),
  ('labour.wage_theft', '{"fil": "Pagnanakaw ng sahod", "id": "Pencurian upah", "ar": "سرقة الأجور", "ne": "ज्याला चोरी", "bn": "মজুরি চুরি", "zh-Hant": "剋扣工資"}'),
  ('labour.wage_theft.unpaid', '{"fil": "Hindi ibinayad na sahod", "id": "Upah tidak dibayar", "ar": "أجور غير مدفوعة", "ne": "नतिरिएको ज्याला", "bn": "অপরিশোধিত মজুরি", "zh-Hant": "拖欠工資"}'),
  ('labour.wage_theft.underpaid', '{"fil": "Sahod na mas mababa sa kontrata", "id": "Upah di bawah kontrak", "ar": "أجور أقل من العقد", "ne": "सम्झौताभन्दा कम ज्याला", "bn": "চুক্তির চেয়ে কম মজুরি", "zh-Hant": "工資低於合約"}'),
  ('labour.wage_theft.deductions', '{"fil": "Ilegal na kaltas", "id": "Potongan ilegal", "ar": "اقتطاعات غير قانونية", "ne": "गैरकानुनी कटौती", "bn": "বেআইনি কর্তন", "zh-Hant": "非法扣款"}'),
  ('labour.contract_substitution', '{"fil": "Pagpapalit ng kontrata", "id": "Penggantian kontrak", "ar": "استبدال العقد", "ne": "सम्झौता फेरबदल", "bn": "চুক্তি বদল", "zh-Hant": "更換合約"}'),
  ('labour.excessive_hours', '{"fil": "Labis na oras ng trabaho, walang araw ng pahinga", "id": "Jam kerja berlebihan, tanpa hari libur", "ar": "ساعات عمل مفرطة دون يوم راحة", "ne": "अत्यधिक कामको समय, बिदाको दिन छैन", "bn": "অতিরিক্ত কর্মঘণ্টা, সাপ্তাহিক ছুটি নেই", "zh-Hant": "工時過長，沒有休息日"}'),
  ('labour.unfair_dismissal', '{"fil": "Hindi makatarungang pagtanggal sa trabaho", "id": "Pemutusan hubungan kerja tidak adil", "ar": "الفصل التعسفي", "ne": "अनुचित बर्खास्ती", "bn": "অন্যায্য ছাঁটাই", "zh-Hant": "不公平解僱"}'),
  ('recruitment', '{"fil": "Mga pang-aabuso sa recruitment", "id": "Penyalahgunaan dalam perekrutan", "ar": "انتهاكات التوظيف", "ne": "भर्तीमा दुर्व्यवहार", "bn": "নিয়োগে অনিয়ম ও নির্যাতন", "zh-Hant": "招聘剝削"}'),
  ('recruitment.fees', '{"fil": "Ilegal na bayad sa recruitment", "id": "Biaya perekrutan ilegal", "ar": "رسوم توظيف غير قانونية", "ne": "गैरकानुनी भर्ती शुल्क", "bn": "বেআইনি নিয়োগ ফি", "zh-Hant": "非法招聘費用"}'),
  ('recruitment.deception', '{"fil": "Panlilinlang tungkol sa trabaho", "id": "Penipuan tentang pekerjaan", "ar": "خداع بشأن الوظيفة", "ne": "कामबारे ठगी", "bn": "কাজ নিয়ে প্রতারণা", "zh-Hant": "工作內容欺詐"}'),
  ('recruitment.debt_bondage', '{"fil": "Pagkaalipin dahil sa utang", "id": "Jeratan utang", "ar": "عبودية الدَّين", "ne": "ऋण बन्धन", "bn": "ঋণদাসত্ব", "zh-Hant": "債務奴役"}'),
  ('liberty', '{"fil": "Mga paghihigpit sa kalayaan", "id": "Pembatasan kebebasan", "ar": "تقييد الحرية", "ne": "स्वतन्त्रतामा बन्देज", "bn": "স্বাধীনতায় বাধা", "zh-Hant": "限制人身自由"}'),
  ('liberty.passport_confiscation', '{"fil": "Pagkumpiska ng pasaporte", "id": "Penahanan paspor", "ar": "مصادرة جواز السفر", "ne": "राहदानी जफत", "bn": "পাসপোর্ট আটকে রাখা", "zh-Hant": "扣押護照"}'),
  ('liberty.confinement', '{"fil": "Pagkakulong sa lugar ng trabaho", "id": "Dikurung di tempat kerja", "ar": "الحبس في مكان العمل", "ne": "कार्यस्थलमा थुनेर राख्ने", "bn": "কর্মস্থলে আটকে রাখা", "zh-Hant": "被禁錮於工作場所"}'),
  ('liberty.detention', '{"fil": "Pagkadetine", "id": "Penahanan", "ar": "الاحتجاز", "ne": "हिरासत", "bn": "আটক", "zh-Hant": "拘留"}'),
  ('liberty.deportation', '{"fil": "Deportasyon o banta nito", "id": "Deportasi atau ancaman deportasi", "ar": "الترحيل أو التهديد به", "ne": "देश निकाला वा त्यसको धम्की", "bn": "নির্বাসন বা তার হুমকি", "zh-Hant": "遣返或遣返威脅"}'),
  ('abuse', '{"fil": "Karahasan at pang-aabuso", "id": "Kekerasan dan penganiayaan", "ar": "العنف والإساءة", "ne": "हिंसा र दुर्व्यवहार", "bn": "সহিংসতা ও নির্যাতন", "zh-Hant": "暴力及虐待"}'),
  ('abuse.physical', '{"fil": "Pisikal na pang-aabuso", "id": "Kekerasan fisik", "ar": "الإساءة الجسدية", "ne": "शारीरिक दुर्व्यवहार", "bn": "শারীরিক নির্যাতন", "zh-Hant": "身體虐待"}'),
  ('abuse.sexual', '{"fil": "Sekswal na pang-aabuso o panliligalig", "id": "Kekerasan atau pelecehan seksual", "ar": "الاعتداء أو التحرش الجنسي", "ne": "यौन दुर्व्यवहार वा उत्पीडन", "bn": "যৌন নির্যাতন বা হয়রানি", "zh-Hant": "性侵犯或性騷擾"}'),
  ('abuse.psychological', '{"fil": "Pagbabanta at sikolohikal na pang-aabuso", "id": "Ancaman dan kekerasan psikologis", "ar": "التهديد والإساءة النفسية", "ne": "धम्की र मानसिक दुर्व्यवहार", "bn": "হুমকি ও মানসিক নির্যাতন", "zh-Hant": "恐嚇及精神虐待"}'),
  ('abuse.food_deprivation', '{"fil": "Pagkakait ng pagkain o pahinga", "id": "Tidak diberi makan atau istirahat", "ar": "الحرمان من الطعام أو الراحة", "ne": "खाना वा आरामबाट वञ्चित", "bn": "খাবার বা বিশ্রাম থেকে বঞ্চিত করা", "zh-Hant": "剝奪食物或休息"}'),
  ('trafficking', '{"fil": "Mga palatandaan ng human trafficking", "id": "Indikator perdagangan orang", "ar": "مؤشرات الاتجار بالبشر", "ne": "मानव बेचबिखनका सङ्केत", "bn": "মানবপাচারের লক্ষণ", "zh-Hant": "人口販運跡象"}'),
  ('trafficking.forced_labour', '{"fil": "Sapilitang paggawa", "id": "Kerja paksa", "ar": "العمل القسري", "ne": "जबरजस्ती श्रम", "bn": "জবরদস্তিমূলক শ্রম", "zh-Hant": "強迫勞動"}'),
  ('trafficking.sale', '{"fil": "Pagbebenta o paglilipat ng manggagawa", "id": "Penjualan atau pemindahan pekerja", "ar": "بيع العامل أو نقله", "ne": "कामदारलाई बेच्ने वा हस्तान्तरण गर्ने", "bn": "শ্রমিককে বিক্রি বা হস্তান্তর", "zh-Hant": "買賣或轉讓工人"}'),
  ('access_to_justice', '{"fil": "Pag-access sa hustisya", "id": "Akses terhadap keadilan", "ar": "الوصول إلى العدالة", "ne": "न्यायमा पहुँच", "bn": "ন্যায়বিচারে প্রবেশাধিকার", "zh-Hant": "訴諸司法"}'),
  ('access_to_justice.no_interpreter', '{"fil": "Walang interpreter", "id": "Tidak ada penerjemah", "ar": "عدم توفير مترجم", "ne": "दोभाषे नहुनु", "bn": "দোভাষী না থাকা", "zh-Hant": "沒有傳譯員"}'),
  ('access_to_justice.false_charges', '{"fil": "Maling paratang (hal. pagtakas sa amo)", "id": "Tuduhan palsu (mis. kabur dari majikan)", "ar": "تهم كاذبة (مثل التغيّب عن العمل)", "ne": "झूटो आरोप (जस्तै रोजगारदाताबाट भागेको)", "bn": "মিথ্যা অভিযোগ (যেমন নিয়োগকর্তার কাছ থেকে পালানো)", "zh-Hant": "虛假指控（例如潛逃）"}'),
  ('health', '{"fil": "Kalusugan at kaligtasan", "id": "Kesehatan dan keselamatan", "ar": "الصحة والسلامة", "ne": "स्वास्थ्य र सुरक्षा", "bn": "স্বাস্থ্য ও নিরাপত্তা", "zh-Hant": "健康及安全"}'),
  ('health.injury', '{"fil": "Pinsala sa trabaho", "id": "Cedera kerja", "ar": "إصابة عمل", "ne": "कार्यस्थलमा चोटपटक", "bn": "কর্মস্থলে আঘাত", "zh-Hant": "工傷"}'),
  ('health.denied_care', '{"fil": "Pinagkaitan ng lunas medikal", "id": "Tidak diberi perawatan medis", "ar": "الحرمان من الرعاية الطبية", "ne": "उपचारबाट वञ्चित", "bn": "চিকিৎসা থেকে বঞ্চিত", "zh-Hant": "被拒醫療"}'),
  ('death', '{"fil": "Pagkamatay ng manggagawa", "id": "Kematian pekerja", "ar": "وفاة عامل", "ne": "कामदारको मृत्यु", "bn": "শ্রমিকের মৃত্যু", "zh-Hant": "工人死亡"}')
) AS s(code, labels)
WHERE t.vocabulary_key = 'case_violation' AND t.code = s.code AND s.labels::jsonb || t.labels IS DISTINCT FROM t.labels;
