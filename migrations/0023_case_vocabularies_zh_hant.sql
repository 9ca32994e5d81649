-- Traditional Chinese (zh-Hant) became a complete interface language: the case vocabularies (the
-- sectors and violation types a case records and the Get-help form offers) get their zh-Hant labels,
-- following docs/translation/zh-Hant.md. A label an administrator already gave is kept: only terms
-- without a zh-Hant label receive one (the revision triggers refresh the cached term trees).
UPDATE vocabularies SET labels = labels || jsonb_build_object('zh-Hant', v.label)
FROM (VALUES ('case_violation', '侵權類型'), ('case_sector', '工作行業')) AS v(key, label)
WHERE vocabularies.key = v.key AND NOT vocabularies.labels ? 'zh-Hant';
--> statement-breakpoint
UPDATE vocabulary_terms SET labels = labels || jsonb_build_object('zh-Hant', v.label)
FROM (VALUES
  ('domestic_work', '家事工作'),
  ('construction', '營建'),
  ('fishing', '漁業'),
  ('agriculture', '農業'),
  ('manufacturing', '製造業'),
  ('hospitality', '餐旅業'),
  ('care', '照護工作'),
  ('cleaning', '清潔工作'),
  ('transport', '運輸業'),
  ('entertainment', '娛樂業'),
  ('other', '其他')
) AS v(code, label)
WHERE vocabulary_terms.vocabulary_key = 'case_sector' AND vocabulary_terms.code = v.code
  AND NOT vocabulary_terms.labels ? 'zh-Hant';
--> statement-breakpoint
UPDATE vocabulary_terms SET labels = labels || jsonb_build_object('zh-Hant', v.label)
FROM (VALUES
  ('labour', '勞動權益侵害'),
  ('labour.wage_theft', '工資遭侵占'),
  ('labour.wage_theft.unpaid', '積欠工資'),
  ('labour.wage_theft.underpaid', '工資低於契約'),
  ('labour.wage_theft.deductions', '非法扣款'),
  ('labour.contract_substitution', '契約遭替換'),
  ('labour.excessive_hours', '工時過長、沒有休息日'),
  ('labour.unfair_dismissal', '不當解僱'),
  ('recruitment', '招募過程的剝削'),
  ('recruitment.fees', '非法仲介費'),
  ('recruitment.deception', '工作內容遭欺騙'),
  ('recruitment.debt_bondage', '債務奴役'),
  ('liberty', '人身自由受限'),
  ('liberty.passport_confiscation', '護照遭扣留'),
  ('liberty.confinement', '被限制在工作場所'),
  ('liberty.detention', '遭拘留'),
  ('liberty.deportation', '遣返或遣返威脅'),
  ('abuse', '暴力與虐待'),
  ('abuse.physical', '身體虐待'),
  ('abuse.sexual', '性侵害或性騷擾'),
  ('abuse.psychological', '威脅與精神虐待'),
  ('abuse.food_deprivation', '被剝奪飲食或休息'),
  ('trafficking', '人口販運指標'),
  ('trafficking.forced_labour', '強迫勞動'),
  ('trafficking.sale', '移工遭販賣或轉賣'),
  ('access_to_justice', '司法救濟管道'),
  ('access_to_justice.no_interpreter', '沒有通譯'),
  ('access_to_justice.false_charges', '不實指控（例如逃逸）'),
  ('health', '職業安全衛生'),
  ('health.injury', '職業傷害'),
  ('health.denied_care', '被拒絕提供醫療'),
  ('death', '移工死亡')
) AS v(code, label)
WHERE vocabulary_terms.vocabulary_key = 'case_violation' AND vocabulary_terms.code = v.code
  AND NOT vocabulary_terms.labels ? 'zh-Hant';
