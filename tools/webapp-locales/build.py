#!/usr/bin/env python3
"""Builds the Chinese locale of the Camunda webapps from the webjar's English one and our translations (zh.yaml).

    python3 tools/webapp-locales/build.py [path/to/camunda-webapp-webjar-7.24.0.jar]
    python3 tools/webapp-locales/build.py --missing <app>    # untranslated keys, one per English text
    python3 tools/webapp-locales/build.py --add batch.yaml   # adds "KEY: 译文" lines to zh.yaml (see add())

Writes src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json (every key of the webjar's
en.json; a key without translation keeps its English text) and app/<app>/scripts/config.js (the webjar's own file with
Chinese as the only locale). Our classes come before the webjar on the classpath, so these files override the webjar's.
Run it again after a Camunda upgrade; WebappLocalesTest fails while a file is stale or a label still shows English
(labels that keep their English text on purpose are listed with a reason under unchanged: in zh.yaml).
"""
import glob
import json
import re
import os
import sys
import zipfile

import yaml

APPS = ['tasklist', 'cockpit', 'admin', 'welcome']
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'src/main/resources/META-INF/resources/webjars/camunda/app')
DICTIONARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'zh.yaml')
LOCALES = "  locales: {\n    availableLocales: ['zh'],\n    fallbackLocale: 'zh'\n  },\n"

# moment.js date locale for zh (the webapps format dates with these)
DATE_LOCALES = {
    "months": ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
    "monthsShort": ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    "weekdays": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "weekdaysShort": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "weekdaysMin": ["日", "一", "二", "三", "四", "五", "六"],
    "longDateFormat": {"LT": "HH:mm", "L": "YYYY-MM-DD", "LL": "YYYY年M月D日", "LLL": "YYYY年M月D日 HH:mm",
                       "LLLL": "YYYY年M月D日dddd HH:mm"},
    "calendar": {"sameDay": "[今天] LT", "nextDay": "[明天] LT", "nextWeek": "[下]dddd LT", "lastDay": "[昨天] LT",
                 "lastWeek": "[上]dddd LT", "sameElse": "L"},
    "relativeTime": {"future": "%s后", "past": "%s前", "s": "几秒", "m": "1 分钟", "mm": "%d 分钟", "h": "1 小时",
                     "hh": "%d 小时", "d": "1 天", "dd": "%d 天", "M": "1 个月", "MM": "%d 个月", "y": "1 年",
                     "yy": "%d 年"},
    "week": {"dow": 1, "doy": 4},
}


def webjar(argv):
    if len(argv) > 1:
        return argv[1]
    found = glob.glob(os.path.expanduser(
        '~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/*/camunda-webapp-webjar-*.jar'))
    if not found:
        sys.exit('camunda-webapp-webjar not found in ~/.m2: run ./mvnw package once, or pass the jar')
    return sorted(found)[-1]


def translate(value, key, keys, texts):
    if isinstance(value, dict):
        return {k: translate(v, k, keys, texts) for k, v in value.items()}
    if isinstance(value, list):
        return [translate(v, key, keys, texts) for v in value]
    if key in keys:
        return keys[key]
    return texts.get(value, value)


def load_dictionary():
    with open(DICTIONARY, encoding='utf-8') as f:
        dictionary = yaml.safe_load(f)
    return dictionary.get('keys') or {}, dictionary.get('texts') or {}, dictionary.get('unchanged') or {}


def english(jar, app):
    base = 'META-INF/resources/webjars/camunda/app/' + app
    return json.loads(jar.read(base + '/locales/en.json').decode('utf-8-sig'))


def untranslated(jar, app):
    """(key, English text) of every label that still shows English, except those zh.yaml lists under unchanged."""
    keys, texts, unchanged = load_dictionary()
    labels = english(jar, app)['labels']
    return [(k, v) for k, v in labels.items()
            if isinstance(v, str) and translate(v, k, keys, texts) == v and k not in unchanged]


def missing(argv):
    """Prints the untranslated labels of an app as "KEY: English" (one key per distinct English text)."""
    with zipfile.ZipFile(webjar(argv[2:])) as jar:
        seen = set()
        for key, text in untranslated(jar, argv[1]):
            if text not in seen:
                seen.add(text)
                print(f'{key}: {json.dumps(text, ensure_ascii=False)}')


def add(argv):
    """Adds a batch of "KEY: 译文" translations to zh.yaml's texts (by the key's English text, so every key with the
    same text gets it). Refuses a translation that drops or changes a {{placeholder}} or an HTML tag."""
    with open(argv[1], encoding='utf-8') as f:
        batch = yaml.safe_load(f)
    keys, texts, _ = load_dictionary()
    found = {}
    with zipfile.ZipFile(webjar(argv[2:])) as jar:
        for app in APPS:
            for key, text in english(jar, app)['labels'].items():
                found.setdefault(key, []).append(text)
    lines, errors = [], []
    for key, chinese in batch.items():
        if key not in found:
            errors.append(f'{key}: no such key')
            continue
        for text in dict.fromkeys(found[key]):
            check(key, text, str(chinese), texts, lines, errors)
    if errors:
        sys.exit('\n'.join(errors))
    with open(DICTIONARY, 'a', encoding='utf-8') as f:
        for text, chinese in lines:
            f.write('  ' + json.dumps(text, ensure_ascii=False) + ': ' + json.dumps(chinese, ensure_ascii=False) + '\n')
    print(f'{len(lines)} texts added')


def check(key, text, chinese, texts, lines, errors):
    for pattern in (r'{{[^}]*}}', r'</?(?:a|b|i|em|strong|br|p|span|code|div|ul|ol|li|small|u)(?:\s[^>]*)?/?>'):
        if sorted(re.sub(r'\s', '', m) for m in re.findall(pattern, text)) != \
                sorted(re.sub(r'\s', '', m) for m in re.findall(pattern, chinese)):
            errors.append(f'{key}: {pattern} differ: {text!r} / {chinese!r}')
    if text not in texts and text not in {t for t, _ in lines}:
        lines.append((text, chinese))


def main(argv):
    if len(argv) > 1 and argv[1] == '--missing':
        return missing(argv[1:])
    if len(argv) > 1 and argv[1] == '--add':
        return add(argv[1:])
    keys, texts, unchanged = load_dictionary()
    with zipfile.ZipFile(webjar(argv)) as jar:
        # a translation by key must fit the key's English in every app (SEARCH_PLACEHOLDER is "Filter Tasks" in
        # Tasklist but "Add criteria" in Admin): such keys are translated by text instead
        english_by_key = {}
        for app in APPS:
            for key, text in english(jar, app)['labels'].items():
                english_by_key.setdefault(key, set()).add(text)
        ambiguous = sorted(k for k in keys if len(english_by_key.get(k, ())) > 1)
        if ambiguous:
            sys.exit('keys: entries whose English differs between apps (translate them under texts:): '
                     + ', '.join(ambiguous))
        for app in APPS:
            base = 'META-INF/resources/webjars/camunda/app/' + app
            en = english(jar, app)
            zh = {}
            if 'dateLocales' in en:
                zh['dateLocales'] = DATE_LOCALES
            zh['labels'] = translate(en['labels'], None, keys, texts)
            os.makedirs(os.path.join(OUT, app, 'locales'), exist_ok=True)
            with open(os.path.join(OUT, app, 'locales', 'zh.json'), 'w', encoding='utf-8') as f:
                json.dump(zh, f, ensure_ascii=False, indent=2, sort_keys=False)
                f.write('\n')
            config = jar.read(base + '/scripts/config.js').decode('utf-8')
            marker = 'export default {\n'
            if marker not in config:
                sys.exit(app + ': config.js has no "export default {"')
            config = config.replace(marker, marker + '  // Chinese only (tools/webapp-locales/build.py)\n' + LOCALES, 1)
            os.makedirs(os.path.join(OUT, app, 'scripts'), exist_ok=True)
            with open(os.path.join(OUT, app, 'scripts', 'config.js'), 'w', encoding='utf-8') as f:
                f.write(config)
            total = sum(1 for _ in walk(en['labels']))
            done = sum(1 for a, b in zip(walk(en['labels']), walk(zh['labels'])) if a != b)
            same = sum(1 for k in en['labels'] if k in unchanged)
            print(f'{app}: {done}/{total} labels translated, {same} unchanged on purpose')


def walk(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)
    else:
        yield value


if __name__ == '__main__':
    main(sys.argv)
