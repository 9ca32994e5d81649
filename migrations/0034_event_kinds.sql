-- Kinds of events. Administrators add others in the app; codes are stable, and later slices
-- (trainings and their follow-up, dialogues and their recommendations, the caucus) build on events
-- of the kinds training_course, dialogue and caucus_meeting.
INSERT INTO vocabularies (key, labels, description) VALUES
  ('event_kind', '{"en":"Event kinds","fil":"Mga uri ng kaganapan","id":"Jenis acara","ar":"أنواع الفعاليات"}', 'What kind of convening an event is.')
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO vocabulary_terms (vocabulary_key, code, position, labels) VALUES
  ('event_kind', 'conference', 10, '{"en":"Conference","fil":"Kumperensya","id":"Konferensi","ar":"مؤتمر"}'),
  ('event_kind', 'workshop', 20, '{"en":"Workshop","fil":"Palihan","id":"Lokakarya","ar":"ورشة عمل"}'),
  ('event_kind', 'training_course', 30, '{"en":"Training course","fil":"Kurso ng pagsasanay","id":"Kursus pelatihan","ar":"دورة تدريبية"}'),
  ('event_kind', 'dialogue', 40, '{"en":"Dialogue","fil":"Diyalogo","id":"Dialog","ar":"حوار"}'),
  ('event_kind', 'caucus_meeting', 50, '{"en":"Caucus meeting","fil":"Pulong ng kaukus","id":"Rapat kaukus","ar":"اجتماع التكتل"}'),
  ('event_kind', 'consultation', 60, '{"en":"Consultation","fil":"Konsultasyon","id":"Konsultasi","ar":"مشاورة"}')
ON CONFLICT (vocabulary_key, code) DO NOTHING;
