-- The kinds of government counterpart a dialogue with missions meets, as branches of "Government
-- or mission": embassies and consular missions, ministries, regional inter-governmental bodies.
-- Labels in every complete language; a term an administrator already added is left alone.
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'organisation_type', v.code, v.position, v.labels::jsonb, p.id
FROM (VALUES
  ('embassy', 10, '{"en":"Embassy or consular mission","fil":"Embahada o misyong konsular","id":"Kedutaan besar atau perwakilan konsuler","ar":"سفارة أو بعثة قنصلية","ne":"दूतावास वा वाणिज्य नियोग","bn":"দূতাবাস বা কনস্যুলার মিশন","zh-Hant":"大使館或領事代表處"}'),
  ('ministry', 20, '{"en":"Ministry or government agency","fil":"Ministeryo o ahensiya ng pamahalaan","id":"Kementerian atau lembaga pemerintah","ar":"وزارة أو هيئة حكومية","ne":"मन्त्रालय वा सरकारी निकाय","bn":"মন্ত্রণালয় বা সরকারি সংস্থা","zh-Hant":"政府部會或機關"}'),
  ('regional_body', 30, '{"en":"Regional inter-governmental body","fil":"Panrehiyong lupong pampamahalaan","id":"Badan antarpemerintah regional","ar":"هيئة حكومية دولية إقليمية","ne":"क्षेत्रीय अन्तरसरकारी निकाय","bn":"আঞ্চলিক আন্তঃসরকারি সংস্থা","zh-Hant":"區域性政府間組織"}')
) AS v(code, position, labels)
JOIN vocabulary_terms p ON p.vocabulary_key = 'organisation_type' AND p.code = 'government'
ON CONFLICT (vocabulary_key, code) DO NOTHING;
