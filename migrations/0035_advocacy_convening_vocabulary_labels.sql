-- Labels in the complete languages that arrived with them (Nepali, Bengali, Traditional Chinese)
-- for the vocabularies the programmes, agreements and events modules ship. Merged under the
-- labels already there, so a label an administrator wrote is kept; a second run changes nothing.
UPDATE vocabularies AS v
SET labels = s.labels::jsonb || v.labels, updated_at = now(), version = v.version + 1
FROM (VALUES
  ('programme_theme', '{"ne": "कार्यक्रमका विषयहरू", "bn": "কর্মসূচির বিষয়", "zh-Hant": "計畫主題"}'),
  ('programme_target_group', '{"ne": "कार्यक्रमका लक्षित समूहहरू", "bn": "কর্মসূচির লক্ষ্যভুক্ত জনগোষ্ঠী", "zh-Hant": "計畫目標群體"}'),
  ('agreement_provision', '{"ne": "सम्झौताका प्रावधानहरू", "bn": "চুক্তির বিধানসমূহ", "zh-Hant": "協定條款"}'),
  ('event_kind', '{"ne": "इभेन्टका प्रकार", "bn": "অনুষ্ঠানের ধরন", "zh-Hant": "活動類型"}')
) AS s(key, labels)
WHERE v.key = s.key AND s.labels::jsonb || v.labels IS DISTINCT FROM v.labels;
--> statement-breakpoint
UPDATE vocabulary_terms AS t
SET labels = s.labels::jsonb || t.labels, updated_at = now(), version = t.version + 1
FROM (VALUES
  ('programme_theme', 'women', '{"ne": "महिला र लैङ्गिकता", "bn": "নারী ও জেন্ডার", "zh-Hant": "婦女與性別"}'),
  ('programme_theme', 'undocumented', '{"ne": "कागजातविहीन आप्रवासी: पक्राउ, हिरासत र देश निकाला रोकियोस्", "bn": "অনথিভুক্ত অভিবাসী: গ্রেপ্তার, আটক ও নির্বাসন বন্ধ হোক", "zh-Hant": "無證移民：停止逮捕、拘留與遣返"}'),
  ('programme_theme', 'trade_unions', '{"ne": "ट्रेड युनियन र आप्रवासी कामदारका संस्थाहरू", "bn": "ট্রেড ইউনিয়ন ও অভিবাসী শ্রমিক সংগঠন", "zh-Hant": "工會與移工組織"}'),
  ('programme_theme', 'marriage_migration', '{"ne": "वैवाहिक आप्रवासन", "bn": "বিবাহসূত্রে অভিবাসন", "zh-Hant": "婚姻移民"}'),
  ('programme_theme', 'development_forced_migration', '{"ne": "विकास र बाध्यात्मक आप्रवासन", "bn": "উন্নয়ন ও জোরপূর্বক অভিবাসন", "zh-Hant": "發展與被迫遷移"}'),
  ('programme_theme', 'trade_agreements', '{"ne": "आर्थिक साझेदारी र द्विपक्षीय सम्झौताहरू", "bn": "অর্থনৈতিক অংশীদারত্ব ও দ্বিপাক্ষিক চুক্তি", "zh-Hant": "經濟夥伴協定與雙邊協定"}'),
  ('programme_theme', 'domestic_work', '{"ne": "घरेलु काम पनि काम हो", "bn": "গৃহকর্মও কাজ", "zh-Hant": "家事工作也是工作"}'),
  ('programme_theme', 'ratification', '{"ne": "अनुमोदन अभियान", "bn": "অনুসমর্থনের প্রচারাভিযান", "zh-Hant": "推動批准公約的倡議行動"}'),
  ('programme_theme', 'networking', '{"ne": "सङ्गठन निर्माण र सञ्जाल विस्तार", "bn": "সংগঠিতকরণ ও নেটওয়ার্ক গড়া", "zh-Hant": "組織工作與網絡串連"}'),
  ('programme_theme', 'research', '{"ne": "अनुसन्धान र प्रकाशन", "bn": "গবেষণা ও প্রকাশনা", "zh-Hant": "研究與出版品"}'),
  ('programme_theme', 'capacity_building', '{"ne": "तालिम र क्षमता अभिवृद्धि", "bn": "প্রশিক্ষণ ও সক্ষমতা বৃদ্ধি", "zh-Hant": "培訓與能力建構"}'),
  ('programme_theme', 'intergovernmental', '{"ne": "अन्तरसरकारी प्रक्रियाहरू", "bn": "আন্তঃসরকারি প্রক্রিয়া", "zh-Hant": "政府間進程"}'),
  ('programme_theme', 'parliamentary', '{"ne": "संसदसँगको संलग्नता", "bn": "সংসদের সাথে সম্পৃক্ততা", "zh-Hant": "議會參與"}'),
  ('programme_theme', 'legal_redress', '{"ne": "सिमानापार कानुनी उपचार", "bn": "সীমান্ত পেরিয়ে আইনি প্রতিকার", "zh-Hant": "跨境法律救濟"}'),
  ('programme_theme', 'internships', '{"ne": "इन्टर्नसिप र स्वयंसेवक", "bn": "ইন্টার্নশিপ ও স্বেচ্ছাসেবক", "zh-Hant": "實習與志工"}'),
  ('programme_target_group', 'women', '{"ne": "आप्रवासी महिला", "bn": "অভিবাসী নারী", "zh-Hant": "移民女性"}'),
  ('programme_target_group', 'undocumented', '{"ne": "कागजातविहीन आप्रवासी", "bn": "অনথিভুক্ত অভিবাসী", "zh-Hant": "無證移民"}'),
  ('programme_target_group', 'marriage_migrants', '{"ne": "वैवाहिक आप्रवासी", "bn": "বিবাহসূত্রে অভিবাসী", "zh-Hant": "婚姻移民者"}'),
  ('programme_target_group', 'domestic_workers', '{"ne": "घरेलु कामदार", "bn": "গৃহকর্মী", "zh-Hant": "家事移工"}'),
  ('programme_target_group', 'migrant_workers', '{"ne": "आप्रवासी कामदार", "bn": "অভিবাসী শ্রমিক", "zh-Hant": "移工"}'),
  ('programme_target_group', 'migrant_organisations', '{"ne": "ट्रेड युनियन र आप्रवासी कामदारका संस्थाहरू", "bn": "ট্রেড ইউনিয়ন ও অভিবাসী শ্রমিক সংগঠন", "zh-Hant": "工會與移工組織"}'),
  ('programme_target_group', 'rights_defenders', '{"ne": "मानव अधिकार रक्षक र सामुदायिक पैरवीकर्ता", "bn": "মানবাধিকার রক্ষাকারী ও কমিউনিটি অধিকারকর্মী", "zh-Hant": "人權捍衛者與社區倡議者"}'),
  ('programme_target_group', 'parliamentarians', '{"ne": "सांसदहरू", "bn": "সংসদ সদস্য", "zh-Hant": "議員"}'),
  ('programme_target_group', 'lawyers', '{"ne": "वकिल र कानुन व्यवसायी", "bn": "আইনজীবী ও আইন পেশাজীবী", "zh-Hant": "律師與法律工作者"}'),
  ('programme_target_group', 'missions', '{"ne": "दूतावास तथा वाणिज्य दूतावासका अधिकारी", "bn": "দূতাবাস ও কনস্যুলেটের কর্মকর্তা", "zh-Hant": "使領館官員"}'),
  ('programme_target_group', 'students', '{"ne": "विद्यार्थी, इन्टर्न र स्वयंसेवक", "bn": "শিক্ষার্থী, ইন্টার্ন ও স্বেচ্ছাসেবক", "zh-Hant": "學生、實習生與志工"}'),
  ('agreement_provision', 'covers_domestic_workers', '{"ne": "घरेलु कामदारलाई समेट्छ", "bn": "গৃহকর্মীদের অন্তর্ভুক্ত করে", "zh-Hant": "涵蓋家事移工"}'),
  ('agreement_provision', 'standard_contract', '{"ne": "मानक रोजगार सम्झौता", "bn": "প্রমিত কর্মসংস্থান চুক্তি", "zh-Hant": "標準僱傭契約"}'),
  ('agreement_provision', 'wage_protection', '{"ne": "ज्याला संरक्षण", "bn": "মজুরি সুরক্ষা", "zh-Hant": "工資保障"}'),
  ('agreement_provision', 'recruitment_fees', '{"ne": "कामदारबाट भर्ती शुल्क लिइँदैन", "bn": "শ্রমিকদের কাছ থেকে কোনো নিয়োগ ফি নেওয়া হয় না", "zh-Hant": "不向勞工收取仲介費"}'),
  ('agreement_provision', 'complaint_mechanism', '{"ne": "उजुरी संयन्त्र", "bn": "অভিযোগ ব্যবস্থা", "zh-Hant": "申訴機制"}'),
  ('agreement_provision', 'social_security', '{"ne": "सामाजिक सुरक्षा", "bn": "সামাজিক নিরাপত্তা", "zh-Hant": "社會保障"}'),
  ('agreement_provision', 'repatriation', '{"ne": "स्वदेश फिर्ती", "bn": "প্রত্যাবাসন", "zh-Hant": "返國安排"}'),
  ('agreement_provision', 'rest_days', '{"ne": "साप्ताहिक बिदा", "bn": "সাপ্তাহিক ছুটি", "zh-Hant": "每週休息日"}'),
  ('agreement_provision', 'document_retention', '{"ne": "कामदारले आफ्नो राहदानी आफैं राख्छन्", "bn": "শ্রমিকরা নিজেদের পাসপোর্ট নিজের কাছে রাখেন", "zh-Hant": "勞工自行保管護照"}'),
  ('agreement_provision', 'joint_committee', '{"ne": "कार्यान्वयनका लागि संयुक्त समिति", "bn": "বাস্তবায়নের জন্য যৌথ কমিটি", "zh-Hant": "負責落實的聯合委員會"}'),
  ('event_kind', 'conference', '{"ne": "सम्मेलन", "bn": "সম্মেলন", "zh-Hant": "會議"}'),
  ('event_kind', 'workshop', '{"ne": "कार्यशाला", "bn": "কর্মশালা", "zh-Hant": "工作坊"}'),
  ('event_kind', 'training_course', '{"ne": "तालिम पाठ्यक्रम", "bn": "প্রশিক্ষণ কোর্স", "zh-Hant": "培訓課程"}'),
  ('event_kind', 'dialogue', '{"ne": "संवाद", "bn": "সংলাপ", "zh-Hant": "對話"}'),
  ('event_kind', 'caucus_meeting', '{"ne": "ककस बैठक", "bn": "ককাস সভা", "zh-Hant": "黨團會議"}'),
  ('event_kind', 'consultation', '{"ne": "परामर्श बैठक", "bn": "পরামর্শ সভা", "zh-Hant": "諮詢會議"}')
) AS s(vocabulary_key, code, labels)
WHERE t.vocabulary_key = s.vocabulary_key AND t.code = s.code
  AND s.labels::jsonb || t.labels IS DISTINCT FROM t.labels;
