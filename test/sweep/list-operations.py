"""Every List* operation of the installed botocore (json or rest-json), with the features the
--add sweep picks by: paginator, input timestamps, maps, nested lists, enums. stdout: JSON."""
import botocore, glob, gzip, json, os, sys
data = os.path.join(os.path.dirname(botocore.__file__), 'data')
out = []
for d in sorted(os.listdir(data)):
    versions = sorted(glob.glob(os.path.join(data, d, '*', 'service-2.json*')))
    if not versions: continue
    f = versions[-1]
    with (gzip.open if f.endswith('.gz') else open)(f, 'rt', encoding='utf-8') as fh:
        m = json.load(fh)
    protos = m['metadata'].get('protocols', [m['metadata'].get('protocol')])
    proto = next((p for p in protos if p in ('json', 'rest-json')), None)
    if proto is None: continue
    pag_file = os.path.join(os.path.dirname(f), 'paginators-1.json')
    pags = {}
    if os.path.exists(pag_file):
        pags = json.load(open(pag_file)).get('pagination', {})
    shapes = m['shapes']
    for name, op in m['operations'].items():
        if not name.startswith('List') or 'input' not in op: continue
        feats = set()
        seen = set()
        def walk(sn, depth, top):
            if sn in seen or depth > 6: return
            seen.add(sn)
            s = shapes[sn]
            t = s['type']
            if t == 'timestamp' and top: feats.add('input-timestamp')
            if s.get('enum'): feats.add('enum')
            if t == 'map': feats.add('map'); walk(s['value']['shape'], depth+1, False)
            if t == 'list':
                inner = shapes[s['member']['shape']]['type']
                if inner in ('list', 'structure'): feats.add('nested-list')
                walk(s['member']['shape'], depth+1, False)
            if t == 'structure':
                for mem in s['members'].values(): walk(mem['shape'], depth+1, top and depth == 0)
        walk(op['input']['shape'], 0, True)
        if 'output' in op: walk(op['output']['shape'], 0, False)
        out.append({'service': d, 'operation': name, 'protocol': proto, 'paginator': name in pags, 'features': sorted(feats)})
json.dump(out, sys.stdout)
