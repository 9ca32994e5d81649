-- Nepali, Bengali and Traditional Chinese labels of the vocabularies every installation starts with
-- (directory: 0003; knowledge: 0007), now that these are complete interface languages. Written as
-- "shipped || existing", like 0023: labels administrators wrote stay, and a second run changes nothing.
UPDATE vocabularies AS v
SET labels = s.labels::jsonb || v.labels, updated_at = now(), version = v.version + 1
FROM (VALUES
  ('organisation_type', '{"ne": "संस्थाका प्रकार", "bn": "সংগঠনের ধরন", "zh-Hant": "組織類型"}'),
  ('membership_role', '{"ne": "सदस्यताका भूमिका", "bn": "সদস্যপদের ভূমিকা", "zh-Hant": "成員角色"}'),
  ('thematic_area', '{"ne": "विषयगत क्षेत्रहरू", "bn": "বিষয়ভিত্তিক ক্ষেত্রসমূহ", "zh-Hant": "主題範疇"}'),
  ('mlflm', '{"ne": "श्रम आप्रवासनसम्बन्धी ILO बहुपक्षीय ढाँचा", "bn": "শ্রম অভিবাসন বিষয়ে ILO বহুপাক্ষিক কাঠামো", "zh-Hant": "國際勞工組織勞工移徙多邊框架"}'),
  ('publication_type', '{"ne": "प्रकाशनका प्रकार", "bn": "প্রকাশনার ধরন", "zh-Hant": "刊物類型"}'),
  ('practice_organisation_type', '{"ne": "जिम्मेवार संस्थाका प्रकार", "bn": "দায়িত্বপ্রাপ্ত সংগঠনের ধরন", "zh-Hant": "負責機構類型"}')
) AS s(key, labels)
WHERE v.key = s.key AND s.labels::jsonb || v.labels IS DISTINCT FROM v.labels;
--> statement-breakpoint
UPDATE vocabulary_terms AS t
SET labels = s.labels::jsonb || t.labels, updated_at = now(), version = t.version + 1
FROM (VALUES
  ('organisation_type', 'migrant_organisation', '{"ne": "आप्रवासी संस्था", "bn": "অভিবাসী সংগঠন", "zh-Hant": "移工組織"}'),
  ('organisation_type', 'ngo', '{"ne": "गैरसरकारी संस्था", "bn": "বেসরকারি সংগঠন", "zh-Hant": "非政府組織"}'),
  ('organisation_type', 'trade_union', '{"ne": "ट्रेड युनियन", "bn": "ট্রেড ইউনিয়ন", "zh-Hant": "工會"}'),
  ('organisation_type', 'faith_group', '{"ne": "धार्मिक समूह", "bn": "ধর্মীয় গোষ্ঠী", "zh-Hant": "宗教團體"}'),
  ('organisation_type', 'service_institution', '{"ne": "सेवा संस्था", "bn": "সেবা প্রতিষ্ঠান", "zh-Hant": "服務機構"}'),
  ('organisation_type', 'grassroots_organisation', '{"ne": "तल्लो तहको क्षेत्रगत संस्था", "bn": "তৃণমূল খাতভিত্তিক সংগঠন", "zh-Hant": "基層界別組織"}'),
  ('organisation_type', 'human_rights_group', '{"ne": "मानव अधिकार समूह", "bn": "মানবাধিকার গোষ্ঠী", "zh-Hant": "人權團體"}'),
  ('organisation_type', 'university', '{"ne": "विश्वविद्यालय वा विद्यालय", "bn": "বিশ্ববিদ্যালয় বা বিদ্যালয়", "zh-Hant": "大學或學校"}'),
  ('organisation_type', 'government', '{"ne": "सरकार वा नियोग", "bn": "সরকার বা মিশন", "zh-Hant": "政府或使領館"}'),
  ('organisation_type', 'parliament', '{"ne": "संसद", "bn": "সংসদ", "zh-Hant": "議會"}'),
  ('organisation_type', 'international_organisation', '{"ne": "अन्तर्राष्ट्रिय संस्था", "bn": "আন্তর্জাতিক সংস্থা", "zh-Hant": "國際組織"}'),
  ('organisation_type', 'employers_organisation', '{"ne": "रोजगारदाताहरूको संस्था", "bn": "নিয়োগকর্তাদের সংগঠন", "zh-Hant": "僱主組織"}'),
  ('organisation_type', 'network', '{"ne": "सञ्जाल वा मञ्च", "bn": "নেটওয়ার্ক বা প্ল্যাটফর্ম", "zh-Hant": "網絡或平台"}'),
  ('organisation_type', 'platform', '{"ne": "मञ्च", "bn": "প্ল্যাটফর্ম", "zh-Hant": "平台"}'),
  ('organisation_type', 'caucus', '{"ne": "ककस", "bn": "ককাস", "zh-Hant": "黨團"}'),
  ('membership_role', 'secretariat', '{"ne": "सचिवालय", "bn": "সচিবালয়", "zh-Hant": "秘書處"}'),
  ('membership_role', 'member', '{"ne": "सदस्य", "bn": "সদস্য", "zh-Hant": "成員"}'),
  ('membership_role', 'partner', '{"ne": "साझेदार", "bn": "অংশীদার", "zh-Hant": "夥伴"}'),
  ('membership_role', 'area_coordinator', '{"ne": "क्षेत्रीय संयोजक", "bn": "এলাকা সমন্বয়ক", "zh-Hant": "地區統籌"}'),
  ('membership_role', 'focal_point', '{"ne": "सम्पर्क व्यक्ति", "bn": "ফোকাল পয়েন্ট", "zh-Hant": "聯絡人"}'),
  ('membership_role', 'observer', '{"ne": "पर्यवेक्षक", "bn": "পর্যবেক্ষক", "zh-Hant": "觀察員"}'),
  ('membership_role', 'staff', '{"ne": "कर्मचारी", "bn": "কর্মী", "zh-Hant": "職員"}'),
  ('thematic_area', 'evidence_based_policy', '{"ne": "प्रमाणमा आधारित नीति निर्माण", "bn": "প্রমাণভিত্তিক নীতি প্রণয়ন", "zh-Hant": "循證政策制定"}'),
  ('thematic_area', 'protection', '{"ne": "संरक्षण", "bn": "সুরক্ষা", "zh-Hant": "保障"}'),
  ('thematic_area', 'ratification_campaigns', '{"ne": "अनुमोदन अभियान र कार्यान्वयन", "bn": "অনুসমর্থন প্রচারণা ও বাস্তবায়ন", "zh-Hant": "公約批准運動及實施"}'),
  ('thematic_area', 'migration_development', '{"ne": "आप्रवासन र विकास", "bn": "অভিবাসন ও উন্নয়ন", "zh-Hant": "移徙與發展"}'),
  ('thematic_area', 'social_dialogue', '{"ne": "सामाजिक संवाद", "bn": "সামাজিক সংলাপ", "zh-Hant": "社會對話"}'),
  ('publication_type', 'research', '{"ne": "अनुसन्धान", "bn": "গবেষণা", "zh-Hant": "研究"}'),
  ('publication_type', 'policy_brief', '{"ne": "नीति सारपत्र", "bn": "নীতি সংক্ষেপ", "zh-Hant": "政策簡報"}'),
  ('publication_type', 'yearbook', '{"ne": "वार्षिक पुस्तक", "bn": "বর্ষপঞ্জি", "zh-Hant": "年鑑"}'),
  ('publication_type', 'country_report', '{"ne": "देश प्रतिवेदन", "bn": "দেশভিত্তিক প্রতিবেদন", "zh-Hant": "國別報告"}'),
  ('publication_type', 'thematic_report', '{"ne": "विषयगत प्रतिवेदन", "bn": "বিষয়ভিত্তিক প্রতিবেদন", "zh-Hant": "專題報告"}'),
  ('publication_type', 'statement', '{"ne": "वक्तव्य", "bn": "বিবৃতি", "zh-Hant": "聲明"}'),
  ('publication_type', 'training_material', '{"ne": "तालिम सामग्री", "bn": "প্রশিক্ষণ উপকরণ", "zh-Hant": "培訓材料"}'),
  ('practice_organisation_type', 'government', '{"ne": "सरकार", "bn": "সরকার", "zh-Hant": "政府"}'),
  ('practice_organisation_type', 'workers_organisation', '{"ne": "कामदारहरूको संस्था", "bn": "শ্রমিক সংগঠন", "zh-Hant": "工人組織"}'),
  ('practice_organisation_type', 'employers_organisation', '{"ne": "रोजगारदाताहरूको संस्था", "bn": "নিয়োগকর্তাদের সংগঠন", "zh-Hant": "僱主組織"}'),
  ('practice_organisation_type', 'civil_society', '{"ne": "नागरिक समाज", "bn": "নাগরিক সমাজ", "zh-Hant": "公民社會"}'),
  ('practice_organisation_type', 'international_organisation', '{"ne": "अन्तर्राष्ट्रिय संस्था", "bn": "আন্তর্জাতিক সংস্থা", "zh-Hant": "國際組織"}'),
  ('practice_organisation_type', 'other', '{"ne": "अन्य", "bn": "অন্যান্য", "zh-Hant": "其他"}')
) AS s(vocabulary_key, code, labels)
WHERE t.vocabulary_key = s.vocabulary_key AND t.code = s.code
  AND s.labels::jsonb || t.labels IS DISTINCT FROM t.labels;
--> statement-breakpoint
-- The MLFLM's principles and guidelines are labelled by their numbers ("9.", "9.(b)") in every language.
UPDATE vocabulary_terms AS t
SET labels = jsonb_build_object('ne', t.labels->>'en', 'bn', t.labels->>'en', 'zh-Hant', t.labels->>'en') || t.labels,
  updated_at = now(), version = t.version + 1
WHERE t.vocabulary_key = 'mlflm' AND t.labels ? 'en'
  AND jsonb_build_object('ne', t.labels->>'en', 'bn', t.labels->>'en', 'zh-Hant', t.labels->>'en') || t.labels IS DISTINCT FROM t.labels;
