import re, glob, sys
for p in sorted(glob.glob('e2e/*.spec.ts')):
    s = open(p).read()
    start = "  tulay = await startTulay();\n  browser = await launchBrowser();\n"
    if start not in s:
        print('skip', p); continue
    i = s.index(start)
    rest = s[i+len(start):]
    demo = False
    # demo line may follow directly, or after comment lines and a `const db = ...` line
    m = re.match(r"((?:  //[^\n]*\n)*)((?:  const db = tulay\.running\.database\.db;\n)?)  await loadDemoData\(tulay\.running\.database\);\n", rest)
    if m:
        demo = True
        comments, dbline = m.group(1), m.group(2)
        rest = rest[m.end():]
        new = comments + "  ({ tulay, browser } = await startJourney({ demo: true }));\n" + dbline
    else:
        new = "  ({ tulay, browser } = await startJourney());\n"
    s = s[:i] + new + rest
    stop = "  await browser?.close();\n  await tulay?.stop();\n"
    if stop in s:
        s = s.replace(stop, "  await stopJourney({ tulay, browser });\n")
    else:
        print('no stop pattern', p)
    body = s
    def used(name):
        return len(re.findall(r'\b%s\b' % name, body)) > 1
    # fix imports
    if not used('startTulay'):
        s = s.replace("import { startTulay, type TestTulay } from './support/tulay.ts';", "import type { TestTulay } from './support/tulay.ts';")
    if demo and not used('loadDemoData'):
        s = s.replace("import { loadDemoData } from '../src/server/demo/seed.ts';\n", "")
    s = s.replace("import type { TestTulay } from './support/tulay.ts';", "import { startJourney, stopJourney } from './support/journey.ts';\nimport type { TestTulay } from './support/tulay.ts';")
    if len(re.findall(r'\blaunchBrowser\b', s)) == 1:
        s = re.sub(r"\s*launchBrowser,\n", "\n", s, count=1) if re.search(r"\n\s*launchBrowser,\n", s) else s.replace("launchBrowser, ", "").replace(", launchBrowser", "")
    open(p, 'w').write(s)
    print('converted', p, 'demo' if demo else '')
