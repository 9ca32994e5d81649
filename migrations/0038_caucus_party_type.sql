-- Members of parliament sit for a party (Popolo on_behalf_of): parties are directory organisations
-- of this type, so the caucus screens can offer them. Labels in every complete language; a term an
-- administrator already made under this code is kept.
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('organisation_type', 'political_party', 105, '{"en":"Political party","fil":"Partidong pampolitika","id":"Partai politik","ar":"حزب سياسي","ne":"राजनीतिक दल","bn":"রাজনৈতিক দল","zh-Hant":"政黨"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
