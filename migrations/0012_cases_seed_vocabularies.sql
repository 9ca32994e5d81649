-- The case vocabularies, loaded into the shared vocabularies module so administrators can translate
-- and extend them; codes are what cases store (src/server/modules/cases/vocabulary.ts keeps the same
-- list for validation). Violation types follow the HURIDOCS micro-thesauri: hierarchical acts.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('case_violation', '{"en":"Violation types"}', 'Rights violations recorded on legal-aid cases (hierarchical, HURIDOCS-style).'),
  ('case_sector', '{"en":"Sectors of work"}', 'The sector a migrant worker in a legal-aid case works in.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('case_sector', 'domestic_work', 10, '{"en":"Domestic work"}'),
  ('case_sector', 'construction', 20, '{"en":"Construction"}'),
  ('case_sector', 'fishing', 30, '{"en":"Fishing"}'),
  ('case_sector', 'agriculture', 40, '{"en":"Agriculture"}'),
  ('case_sector', 'manufacturing', 50, '{"en":"Manufacturing"}'),
  ('case_sector', 'hospitality', 60, '{"en":"Hospitality"}'),
  ('case_sector', 'care', 70, '{"en":"Care work"}'),
  ('case_sector', 'cleaning', 80, '{"en":"Cleaning"}'),
  ('case_sector', 'transport', 90, '{"en":"Transport"}'),
  ('case_sector', 'entertainment', 100, '{"en":"Entertainment"}'),
  ('case_sector', 'other', 110, '{"en":"Other"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'case_violation', v.code, v.position, v.labels::jsonb, p.id
FROM (VALUES
  ('labour', 10, '{"en":"Labour rights violations"}', NULL),
  ('recruitment', 90, '{"en":"Recruitment abuses"}', NULL),
  ('liberty', 130, '{"en":"Restrictions of liberty"}', NULL),
  ('abuse', 180, '{"en":"Violence and abuse"}', NULL),
  ('trafficking', 230, '{"en":"Trafficking indicators"}', NULL),
  ('access_to_justice', 260, '{"en":"Access to justice"}', NULL),
  ('health', 290, '{"en":"Health and safety"}', NULL),
  ('death', 320, '{"en":"Death of a worker"}', NULL)
) AS v(code, position, labels, parent)
LEFT JOIN vocabulary_terms p ON p.vocabulary_key = 'case_violation' AND p.code = v.parent
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'case_violation', v.code, v.position, v.labels::jsonb, p.id
FROM (VALUES
  ('labour.wage_theft', 20, '{"en":"Wage theft"}', 'labour'),
  ('labour.contract_substitution', 60, '{"en":"Contract substitution"}', 'labour'),
  ('labour.excessive_hours', 70, '{"en":"Excessive hours, no rest day"}', 'labour'),
  ('labour.unfair_dismissal', 80, '{"en":"Unfair dismissal"}', 'labour'),
  ('recruitment.fees', 100, '{"en":"Illegal recruitment fees"}', 'recruitment'),
  ('recruitment.deception', 110, '{"en":"Deception about the job"}', 'recruitment'),
  ('recruitment.debt_bondage', 120, '{"en":"Debt bondage"}', 'recruitment'),
  ('liberty.passport_confiscation', 140, '{"en":"Passport confiscation"}', 'liberty'),
  ('liberty.confinement', 150, '{"en":"Confinement at the workplace"}', 'liberty'),
  ('liberty.detention', 160, '{"en":"Detention"}', 'liberty'),
  ('liberty.deportation', 170, '{"en":"Deportation or threat of it"}', 'liberty'),
  ('abuse.physical', 190, '{"en":"Physical abuse"}', 'abuse'),
  ('abuse.sexual', 200, '{"en":"Sexual abuse or harassment"}', 'abuse'),
  ('abuse.psychological', 210, '{"en":"Threats and psychological abuse"}', 'abuse'),
  ('abuse.food_deprivation', 220, '{"en":"Deprivation of food or rest"}', 'abuse'),
  ('trafficking.forced_labour', 240, '{"en":"Forced labour"}', 'trafficking'),
  ('trafficking.sale', 250, '{"en":"Sale or transfer of the worker"}', 'trafficking'),
  ('access_to_justice.no_interpreter', 270, '{"en":"No interpreter"}', 'access_to_justice'),
  ('access_to_justice.false_charges', 280, '{"en":"False charges (e.g. absconding)"}', 'access_to_justice'),
  ('health.injury', 300, '{"en":"Workplace injury"}', 'health'),
  ('health.denied_care', 310, '{"en":"Denied medical care"}', 'health')
) AS v(code, position, labels, parent)
LEFT JOIN vocabulary_terms p ON p.vocabulary_key = 'case_violation' AND p.code = v.parent
ON CONFLICT (vocabulary_key, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels, parent_id)
SELECT 'case_violation', v.code, v.position, v.labels::jsonb, p.id
FROM (VALUES
  ('labour.wage_theft.unpaid', 30, '{"en":"Unpaid wages"}', 'labour.wage_theft'),
  ('labour.wage_theft.underpaid', 40, '{"en":"Wages below contract"}', 'labour.wage_theft'),
  ('labour.wage_theft.deductions', 50, '{"en":"Illegal deductions"}', 'labour.wage_theft')
) AS v(code, position, labels, parent)
LEFT JOIN vocabulary_terms p ON p.vocabulary_key = 'case_violation' AND p.code = v.parent
ON CONFLICT (vocabulary_key, code) DO NOTHING;
