#!/usr/bin/env python3
"""One-off layout helper: writes processes/fault-accountability.bpmn (semantic model + diagram)."""
import sys
from xml.sax.saxutils import escape

W = {'task': (100, 80), 'event': (36, 36), 'gateway': (50, 50)}
nodes = {}      # id -> dict
order = []      # (parent, id)
flows = []      # dicts
subs = {}       # id -> dict(bounds, parent)

def kind_size(t):
    if t in ('userTask', 'serviceTask', 'businessRuleTask'): return W['task']
    if t in ('startEvent', 'endEvent', 'intermediateCatchEvent', 'boundaryEvent'): return W['event']
    if t in ('exclusiveGateway', 'parallelGateway', 'eventBasedGateway'): return W['gateway']
    raise ValueError(t)

def node(parent, t, id, name, cx, cy, body='', attrs=''):
    w, h = kind_size(t)
    nodes[id] = dict(t=t, name=name, x=cx - w / 2, y=cy - h / 2, w=w, h=h, body=body, attrs=attrs, parent=parent)
    order.append((parent, id))
    return id

def sub(parent, id, name, x, y, w, h, attrs='', body_pre='', triggered=False, loop=''):
    subs[id] = dict(name=name, x=x, y=y, w=w, h=h, attrs=attrs, parent=parent, body_pre=body_pre, triggered=triggered, loop=loop)
    order.append((parent, id))

def boundary(id, name, attached, side_x, body, interrupting=False, bottom=True):
    a = nodes.get(attached) or subs[attached]
    cx = a['x'] + side_x
    cy = a['y'] + a['h'] if bottom else a['y']
    attrs = f'attachedToRef="{attached}"' + ('' if interrupting else ' cancelActivity="false"')
    node(a['parent'], 'boundaryEvent', id, name, cx, cy, body, attrs)

def flow(src, tgt, name=None, cond=None, via=None, id=None):
    fid = id or f'Flow_{src}_to_{tgt}'
    flows.append(dict(id=fid, src=src, tgt=tgt, name=name, cond=cond, via=via))

def doc(text):
    return f'<bpmn:documentation>{escape(text)}</bpmn:documentation>'

def ut(parent, id, name, cx, cy, group, documentation, extra=''):
    # every user task has its Camunda Form (forms/<TaskId>.form, form id = task id)
    attrs = (f'camunda:candidateGroups="${{execution.tenantId}}-{group}" '
             f'camunda:formRef="{id}" camunda:formRefBinding="latest"')
    return node(parent, 'userTask', id, name, cx, cy, doc(documentation) + extra, attrs)

def st(parent, id, name, cx, cy, bean, fields=None, documentation=None):
    ext = ''
    if fields:
        # input parameters, not field injection: the delegates are shared singletons
        ext = '<bpmn:extensionElements><camunda:inputOutput>' + ''.join(
            f'<camunda:inputParameter name="{k}">{v}</camunda:inputParameter>' for k, v in fields.items()
        ) + '</camunda:inputOutput></bpmn:extensionElements>'
    return node(parent, 'serviceTask', id, name, cx, cy, (doc(documentation) if documentation else '') + ext,
                f'camunda:delegateExpression="${{{bean}}}"')

def brt(parent, id, name, cx, cy, decision, result_var, mapping, inputs=None, documentation=None):
    ext = ''
    if inputs:
        ext = '<bpmn:extensionElements><camunda:inputOutput>' + ''.join(
            (f'<camunda:inputParameter name="{k}">{escape(v)}</camunda:inputParameter>' if v is not None
             else f'<camunda:inputParameter name="{k}" />') for k, v in inputs.items()
        ) + '</camunda:inputOutput></bpmn:extensionElements>'
    attrs = (f'camunda:decisionRef="{decision}" camunda:decisionRefBinding="latest" '
             f'camunda:decisionRefTenantId="${{execution.tenantId}}" camunda:mapDecisionResult="{mapping}" '
             f'camunda:resultVariable="{result_var}"')
    return node(parent, 'businessRuleTask', id, name, cx, cy, (doc(documentation) if documentation else '') + ext, attrs)

def gw(parent, id, name, cx, cy, t='exclusiveGateway', default=None):
    attrs = f'default="{default}"' if default else ''
    return node(parent, t, id, name, cx, cy, '', attrs)

def timer_date(expr):
    return f'<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{escape(expr)}</bpmn:timeDate></bpmn:timerEventDefinition>'

def message(ref):
    return f'<bpmn:messageEventDefinition messageRef="{ref}" />'

def stage_listener(stage):
    return (f'<bpmn:extensionElements><camunda:executionListener expression="${{deadlines.close(execution, &apos;{stage}&apos;)}}" event="end" />'
            f'</bpmn:extensionElements>')

def deadline_watch(scope, stage, label, prefix, responsible, head_doc, warn_x, red_x):
    """YELLOW reminder and RED escalation: non-interrupting timers on the stage boundary (SPEC §3)."""
    a = nodes.get(scope) or subs[scope]
    parent = a['parent']
    base_y = a['y'] + a['h']
    boundary(f'{prefix}Warning', f'{label}即将到期', scope, warn_x,
             timer_date(f"${{deadlines.warnAt(execution, '{stage}')}}"))
    boundary(f'{prefix}Overdue', f'{label}已超期', scope, red_x,
             timer_date(f"${{deadlines.dueAt(execution, '{stage}')}}"))
    wx = a['x'] + warn_x
    # the escalation chain stands clear of the reminder chain, whatever the boundary events' spacing
    rx = max(a['x'] + red_x, wx + 170)
    st(parent, f'Remind{prefix}', f'提醒{responsible}（黄色）', wx, base_y + 100, 'deadlineReminderDelegate', {'stage': stage})
    node(parent, 'endEvent', f'{prefix}Reminded', '已提醒', wx, base_y + 210)
    flow(f'{prefix}Warning', f'Remind{prefix}'); flow(f'Remind{prefix}', f'{prefix}Reminded')
    st(parent, f'Escalate{prefix}', '标记超期（红色）', rx, base_y + 100, 'deadlineOverdueDelegate', {'stage': stage})
    ut(parent, f'Supervise{prefix}', f'{label}超期督办', rx, base_y + 210, 'supervision-head', head_doc)
    node(parent, 'endEvent', f'{prefix}Supervised', '已督办', rx + 120, base_y + 210)
    flow(f'{prefix}Overdue', f'Escalate{prefix}'); flow(f'Escalate{prefix}', f'Supervise{prefix}')
    flow(f'Supervise{prefix}', f'{prefix}Supervised')

exec(open(sys.argv[1], encoding='utf-8').read())

# ---------- serialise ----------
def center(i):
    a = nodes.get(i) or subs[i]
    return a['x'] + a['w'] / 2, a['y'] + a['h'] / 2

def waypoints(f):
    s = nodes.get(f['src']) or subs[f['src']]
    t = nodes.get(f['tgt']) or subs[f['tgt']]
    sx, sy = center(f['src']); tx, ty = center(f['tgt'])
    if s.get('t') == 'boundaryEvent':
        start = (sx, s['y'] + s['h'])
        if f['via']:
            pts = [start] + f['via']
        else:
            pts = [start, (sx, ty)] if abs(sx - tx) > 1 else [start]
        end = (t['x'], ty) if abs(sx - tx) > 1 else (tx, t['y'])
        return pts + [end]
    if f['via']:
        start = (s['x'] + s['w'], sy)
        first = f['via'][0]
        if abs(first[0] - sx) < 1:
            start = (sx, s['y'] if first[1] < sy else s['y'] + s['h'])
        last = f['via'][-1]
        if abs(last[0] - tx) < 1:
            end = (tx, t['y'] if last[1] < ty else t['y'] + t['h'])
        else:
            end = (t['x'], ty) if last[0] < t['x'] else (t['x'] + t['w'], ty)
        return [start] + f['via'] + [end]
    if abs(sy - ty) < 1:
        return [(s['x'] + s['w'], sy), (t['x'], ty)]
    if abs(sx - tx) < 1:
        return [(sx, s['y'] if ty < sy else s['y'] + s['h']), (tx, t['y'] + t['h'] if ty < sy else t['y'])]
    if s.get('t', '').endswith('Gateway'):
        # leave a gateway from its top/bottom corner, then go right
        return [(sx, s['y'] if ty < sy else s['y'] + s['h']), (sx, ty), (t['x'], ty)]
    midx = (s['x'] + s['w'] + t['x']) / 2
    return [(s['x'] + s['w'], sy), (midx, sy), (midx, ty), (t['x'], ty)]

incoming = {}; outgoing = {}
for f in flows:
    outgoing.setdefault(f['src'], []).append(f['id']); incoming.setdefault(f['tgt'], []).append(f['id'])

def elements(parent, ind):
    out = []
    for p, i in order:
        if p != parent: continue
        io = ''.join(f'{ind}  <bpmn:incoming>{x}</bpmn:incoming>\n' for x in incoming.get(i, [])) + \
             ''.join(f'{ind}  <bpmn:outgoing>{x}</bpmn:outgoing>\n' for x in outgoing.get(i, []))
        if i in subs:
            s = subs[i]
            trig = ' triggeredByEvent="true"' if s['triggered'] else ''
            loop = (ind + '  ' + s['loop'] + chr(10)) if s['loop'] else ''
            out.append(f'{ind}<bpmn:subProcess id="{i}" name="{escape(s["name"])}"{trig} {s["attrs"]}>\n{s["body_pre"] and ind + "  " + s["body_pre"] + chr(10)}{io}{loop}')
            out.append(elements(i, ind + '  '))
            out.append(f'{ind}</bpmn:subProcess>\n')
            continue
        n = nodes[i]
        out.append(f'{ind}<bpmn:{n["t"]} id="{i}" name="{escape(n["name"])}" {n["attrs"]}>\n')
        body = f'{ind}  {n["body"]}\n' if n['body'] else ''
        # XSD order: documentation/extensionElements, incoming/outgoing, then event definitions
        out.append(io + body if n['t'].endswith('Event') else body + io)
        out.append(f'{ind}</bpmn:{n["t"]}>\n')
    for f in flows:
        sp = (nodes.get(f['src']) or subs[f['src']])['parent']
        if sp != parent: continue
        name = f' name="{escape(f["name"])}"' if f['name'] else ''
        if f['cond']:
            out.append(f'{ind}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}">\n'
                       f'{ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression>\n'
                       f'{ind}</bpmn:sequenceFlow>\n')
        else:
            out.append(f'{ind}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}" />\n')
    return ''.join(out)

def di():
    out = []
    for p, i in order:
        if i in subs:
            s = subs[i]
            out.append(f'      <bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}" isExpanded="true"><dc:Bounds x="{s["x"]:.0f}" y="{s["y"]:.0f}" width="{s["w"]:.0f}" height="{s["h"]:.0f}" /></bpmndi:BPMNShape>\n')
    for p, i in order:
        if i in subs: continue
        n = nodes[i]
        marker = ' isMarkerVisible="true"' if n['t'] == 'exclusiveGateway' else ''
        label = ''
        if n['t'] in ('startEvent', 'endEvent', 'boundaryEvent', 'intermediateCatchEvent') or n['t'].endswith('Gateway'):
            label = f'<bpmndi:BPMNLabel><dc:Bounds x="{n["x"] - 22:.0f}" y="{n["y"] + n["h"] + 4:.0f}" width="{n["w"] + 44:.0f}" height="27" /></bpmndi:BPMNLabel>'
        out.append(f'      <bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}"{marker}><dc:Bounds x="{n["x"]:.0f}" y="{n["y"]:.0f}" width="{n["w"]:.0f}" height="{n["h"]:.0f}" />{label}</bpmndi:BPMNShape>\n')
    for f in flows:
        pts = ''.join(f'<di:waypoint x="{x:.0f}" y="{y:.0f}" />' for x, y in waypoints(f))
        out.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{pts}</bpmndi:BPMNEdge>\n')
    return ''.join(out)

print(HEADER + elements(None, '    ') + '  </bpmn:process>\n' + MESSAGES +
      '  <bpmndi:BPMNDiagram id="Diagram">\n    <bpmndi:BPMNPlane id="Plane" bpmnElement="' + PROCESS_ID + '">\n' +
      di() + '    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>')
