# source-sha256: de85bee3e202b91380f50199446ba44a109c1f61c3b2216ba0100592f8a5de6d
# Generated from templates/report.html.j2 by `python -m belonging_cli.reports.builtin_templates`;
# do not edit (see builtin_templates.py).
# ruff: noqa
# fmt: off
# mypy: ignore-errors
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_report = resolve('report')
    l_0_date_range = resolve('date_range')
    l_0_period_phrase = resolve('period_phrase')
    l_0_rhythm = resolve('rhythm')
    l_0_left_out = resolve('left_out')
    l_0_changed = resolve('changed')
    l_0_charts = resolve('charts')
    l_0_limit = resolve('limit')
    l_0_shown = resolve('shown')
    l_0_groups = resolve('groups')
    l_0_known = resolve('known')
    l_0_others = resolve('others')
    l_0_experiments_words = resolve('experiments_words')
    l_0_items = resolve('items')
    l_0_rose = resolve('rose')
    l_0_flat = resolve('flat')
    l_0_levers_words = resolve('levers_words')
    l_0_levers_weeks = resolve('levers_weeks')
    l_0_balance_words = resolve('balance_words')
    l_0_x = resolve('x')
    l_0_seen = resolve('seen')
    l_0_s = l_0_p = l_0_rated = l_0_unrated = l_0_paths = l_0_moved = l_0_e = l_0_b = l_0_w = l_0_fb = missing
    try:
        t_1 = environment.filters['clause']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'clause' found.")
    try:
        t_2 = environment.filters['day']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'day' found.")
    try:
        t_3 = environment.filters['group_by']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'group_by' found.")
    try:
        t_4 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_7 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_8 = environment.filters['markdown']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'markdown' found.")
    try:
        t_9 = environment.filters['one_decimal']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'one_decimal' found.")
    try:
        t_10 = environment.filters['outcome']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'outcome' found.")
    try:
        t_11 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_12 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_13 = environment.filters['signed']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'signed' found.")
    try:
        t_14 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_15 = environment.filters['sparkline']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No filter named 'sparkline' found.")
    try:
        t_16 = environment.filters['state']
    except KeyError:
        @internalcode
        def t_16(*unused):
            raise TemplateRuntimeError("No filter named 'state' found.")
    try:
        t_17 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_17(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_18 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_18(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_s = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'summary')
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_p = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'period')
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    l_0_rated = t_6(context.eval_ctx, t_12(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), 'count'))
    context.vars['rated'] = l_0_rated
    context.exported_vars.add('rated')
    l_0_unrated = t_6(context.eval_ctx, t_11(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), 'count'))
    context.vars['unrated'] = l_0_unrated
    context.exported_vars.add('unrated')
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">\n<meta name="referrer" content="no-referrer">\n<title>Progress report'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name'):
        pass
        yield ': '
        yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name'))
    yield ', '
    yield escape(context.call((undefined(name='date_range') if l_0_date_range is missing else l_0_date_range), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'start'), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'end')))
    yield '</title>\n<style>\n  :root { --ink: #1d232a; --muted: #5b6670; --line: #d9dee3; --accent: #1f5f8b; --warm: #c0622b; --soft: #f4f7f9; }\n  * { box-sizing: border-box; }\n  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);\n         max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; background: #fff; }\n  h1 { font-size: 1.9rem; margin: 0 0 .25rem; }\n  h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }\n  h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }\n  p { margin: .4rem 0 .8rem; }\n  .lead { color: var(--muted); margin-top: 0; }\n  .stats { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }\n  .stats li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }\n  .stats b { display: block; font-size: 1.35rem; }\n  .notice { border-left: 4px solid var(--warm); background: #fdf3ec; padding: .5rem .9rem; }\n  table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }\n  th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }\n  th { background: var(--soft); font-weight: 600; }\n  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }\n  /* Evidence: the week stays on one line; the long rating headings beside it wrap. */\n  #measured td:first-child, #measured th:first-child { white-space: nowrap; }\n  td p { margin: 0; }\n  .spark { font-family: ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 1px; color: var(--accent); }\n  .up { color: #2e7d32; } .down { color: #b23c17; }\n  .muted, .private { color: var(--muted); font-size: .9rem; }\n  .private::before { content: "🔒 "; }\n  figure { margin: 1rem 0 1.4rem; }\n  figcaption { color: var(--muted); font-size: .9rem; margin-bottom: .2rem; }\n  figcaption b { color: var(--ink); }\n  /* A chart\'s title sits right above it, with more room above the title than below:\n     it reads as this chart\'s, never as the title of the one under it. */\n  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 1.4rem 1.25rem; }\n  .charts figure { margin: 0; }\n  .charts figcaption { color: var(--ink); font-weight: 600; font-size: .95rem; margin: 0 0 .1rem; }\n  .one-point { color: var(--muted); margin: .2rem 0; }\n  svg.chart { display: block; max-width: 100%; height: auto; }\n  blockquote { margin: .3rem 0 1rem; padding: .1rem 1rem; border-left: 3px solid var(--accent); background: var(--soft); }\n  .question { font-style: italic; margin-bottom: .2rem; }\n  ul.top { margin: .8rem 0 1rem; padding: .6rem 1rem .6rem 2rem; background: var(--soft); border-left: 4px solid var(--accent); }\n  ul.top li { margin-bottom: .25rem; }\n  .level { color: var(--muted); }\n  footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }\n  a { color: var(--accent); }\n  /* Print to PDF: white pages, black ink, no chart or quote cut across two pages. */\n  @page { margin: 1.6cm 1.4cm; }\n  @media print {\n    html, body { background: #fff; color: #000; }\n    body { margin: 0; max-width: none; font-size: 11pt; }\n    h2, h3, figcaption, .question { break-after: avoid; }\n    table, tr, figure, svg, blockquote, .stats li, .notice { break-inside: avoid; }\n    th, blockquote, .stats li, .notice { background: none; }\n    .charts { grid-template-columns: repeat(2, 1fr); }\n    svg.chart { max-width: 100%; height: auto; }\n    a { color: inherit; }\n    footer { break-before: avoid; }\n  }\n</style>\n</head>\n<body>\n<header>\n<h1>Progress report</h1>\n<p class="lead">'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name'):
        pass
        yield 'For '
        yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name'))
        yield ', covering'
    else:
        pass
        yield 'Covering'
    yield ' '
    yield escape(context.call((undefined(name='period_phrase') if l_0_period_phrase is missing else l_0_period_phrase), (undefined(name='p') if l_0_p is missing else l_0_p)))
    yield '.</p>\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'top'), 'lines'):
        pass
        yield '<section id="top" aria-label="At a glance">\n<ul class="top">\n'
        for l_1_line in environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'top'), 'lines'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_line)
            yield '</li>\n'
        l_1_line = missing
        yield '</ul>\n</section>\n'
    yield '<ul class="stats">\n  <li><b>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'weeks_reflected'))
    yield ' of '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'weeks_in_period'))
    yield '</b>weeks reflected</li>\n  <li><b>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'sessions_completed'))
    yield '</b>'
    yield escape(('session' if (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'sessions_completed') == 1) else 'sessions'))
    yield ' completed</li>\n  <li><b>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'current_streak'))
    yield '</b>week streak (longest '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'longest_streak'))
    yield ')</li>\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'last_reflection'):
        pass
        yield '<li><b>'
        yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'last_reflection')))
        yield '</b>last reflection</li>'
    yield '</ul>\n<p>'
    yield escape(context.call((undefined(name='rhythm') if l_0_rhythm is missing else l_0_rhythm), (undefined(name='s') if l_0_s is missing else l_0_s)))
    yield '</p>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'shared'):
        pass
        yield '<p class="notice">Shared report: '
        yield escape(context.call((undefined(name='left_out') if l_0_left_out is missing else l_0_left_out), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'private_left_out')))
        yield '</p>\n'
    yield '</header>\n\n'
    if (t_17(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals')):
        pass
        yield '<section id="goals">\n<h2>Goals</h2>\n<ul>\n'
        for l_1_g in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals'):
            _loop_vars = {}
            pass
            yield '<li><b>'
            yield escape(environment.getattr(l_1_g, 'title'))
            yield ':</b> '
            if (not t_18(environment.getattr(l_1_g, 'start'))):
                pass
                yield escape(environment.getattr(l_1_g, 'start'))
                yield ' &rarr; '
            yield escape(environment.getattr(l_1_g, 'target'))
            yield ' by '
            yield escape(t_2(environment.getattr(l_1_g, 'due')))
            yield ', '
            yield escape(environment.getattr(l_1_g, 'standing'))
            if (environment.getattr(l_1_g, 'status') != 'open'):
                pass
                yield ' ('
                yield escape(environment.getattr(l_1_g, 'status'))
                yield ')'
            if environment.getattr(l_1_g, 'by_coach'):
                pass
                yield ' (from your coach)'
            yield '. Success: '
            yield escape(environment.getattr(l_1_g, 'success'))
            yield '</li>\n'
        l_1_g = missing
        yield '</ul>\n</section>\n'
    yield '\n<section id="ratings">\n<h2>Ratings</h2>\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'level_wording_changed'):
        pass
        l_0_changed = environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'level_wording_changed')
        context.vars['changed'] = l_0_changed
        context.exported_vars.add('changed')
        yield '<p class="muted">Level wording changed with rubric '
        yield escape(environment.getattr((undefined(name='changed') if l_0_changed is missing else l_0_changed), 'version'))
        yield ' on '
        yield escape(t_2(environment.getattr((undefined(name='changed') if l_0_changed is missing else l_0_changed), 'on')))
        yield ': compare levels across it with care.</p>\n'
    if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
        pass
        yield '<table>\n<thead><tr><th>Behaviour</th><th class="num">From</th><th class="num">Latest</th><th class="num">Change</th><th class="num">Average</th><th>Trend</th><th>Where you are</th></tr></thead>\n<tbody>\n'
        for l_1_r in (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '. '
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</td><td class="num">'
            yield escape((environment.getattr(l_1_r, 'first') if t_18(environment.getattr(l_1_r, 'previous')) else environment.getattr(l_1_r, 'previous')))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_r, 'latest'))
            yield '</td><td class="num '
            yield escape(('up' if (environment.getattr(l_1_r, 'change') > 0) else ('down' if (environment.getattr(l_1_r, 'change') < 0) else '')))
            yield '">'
            yield escape(t_13(environment.getattr(l_1_r, 'change')))
            yield '</td><td class="num">'
            yield escape(t_9(environment.getattr(l_1_r, 'average')))
            yield '</td><td><span class="spark">'
            yield escape(t_15(environment.getattr(l_1_r, 'series')))
            yield '</span> '
            yield escape(environment.getattr(l_1_r, 'trend'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'latest_label'))
            yield '</td></tr>\n'
        l_1_r = missing
        yield '</tbody>\n</table>\n'
        if (undefined(name='unrated') if l_0_unrated is missing else l_0_unrated):
            pass
            yield '<p class="muted">Not rated in this period: '
            yield escape(t_4(context.eval_ctx, t_7(context, (undefined(name='unrated') if l_0_unrated is missing else l_0_unrated), attribute='title'), ', '))
            yield '.</p>\n'
    else:
        pass
        yield '<p>No ratings in this period yet.</p>\n'
    if environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'overview'):
        pass
        yield '<figure>\n'
        if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'balance'), 'series'):
            pass
            yield '<figcaption><b>Ratings and balance by week.</b> The average of your ratings each week (solid), and where you placed your week between control (1) and influence (5) (dashed).</figcaption>\n'
        else:
            pass
            yield '<figcaption><b>Ratings by week.</b> The average of your ratings each week.</figcaption>\n'
        yield escape(environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'overview'))
        yield '\n</figure>\n'
    if environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'behaviours'):
        pass
        yield '<div class="charts">\n'
        for l_1_r in (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            _loop_vars = {}
            pass
            yield '<figure>\n<figcaption>'
            yield escape(environment.getattr(l_1_r, 'number'))
            yield '. '
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</figcaption>\n'
            yield escape(environment.getitem(environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'behaviours'), environment.getattr(l_1_r, 'behaviour_id')))
            yield '\n</figure>\n'
        l_1_r = missing
        yield '</div>\n'
    yield '</section>\n'
    if (t_17(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence')):
        pass
        yield '\n'
        template = environment.get_template('evidence.html.j2', 'report.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'b': l_0_b, 'changed': l_0_changed, 'e': l_0_e, 'fb': l_0_fb, 'flat': l_0_flat, 'groups': l_0_groups, 'items': l_0_items, 'known': l_0_known, 'moved': l_0_moved, 'others': l_0_others, 'p': l_0_p, 'paths': l_0_paths, 'rated': l_0_rated, 'rose': l_0_rose, 's': l_0_s, 'seen': l_0_seen, 'shown': l_0_shown, 'unrated': l_0_unrated, 'w': l_0_w, 'x': l_0_x}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n'
    l_0_paths = []
    context.vars['paths'] = l_0_paths
    context.exported_vars.add('paths')
    def t_19(fiter):
        for l_1_t in fiter:
            if (t_5(environment.getattr(l_1_t, 'stretches')) > 1):
                yield l_1_t
    for l_1_t in t_19(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'timeline')):
        l_1__ = missing
        _loop_vars = {}
        pass
        l_1__ = context.call(environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'append'), l_1_t, _loop_vars=_loop_vars)
        _loop_vars['_'] = l_1__
    l_1_t = l_1__ = missing
    if (undefined(name='paths') if l_0_paths is missing else l_0_paths):
        pass
        yield '<section id="timeline">\n<h2>Highs and lows</h2>\n<ul>\n'
        for l_1_t in (undefined(name='paths') if l_0_paths is missing else l_0_paths):
            _loop_vars = {}
            pass
            yield '<li><b>'
            yield escape(environment.getattr(l_1_t, 'title'))
            yield ':</b> '
            yield escape(environment.getattr(l_1_t, 'story'))
            yield '.'
            if environment.getattr(l_1_t, 'fell_back'):
                pass
                yield ' <span class="down">Fell back from '
                yield escape(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'high'))
                yield ' to '
                yield escape(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'to'))
                yield ' in '
                yield escape(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'week'))
                yield '.</span>'
            yield '</li>\n'
        l_1_t = missing
        yield '</ul>\n</section>\n'
    yield '\n'
    l_0_moved = []
    context.vars['moved'] = l_0_moved
    context.exported_vars.add('moved')
    for l_1_r in (undefined(name='rated') if l_0_rated is missing else l_0_rated):
        _loop_vars = {}
        pass
        def t_20(fiter):
            for l_2_point in fiter:
                if environment.getattr(l_2_point, 'evidence'):
                    yield l_2_point
        for l_2_point in t_20(environment.getattr(l_1_r, 'series')):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='moved') if l_0_moved is missing else l_0_moved), 'append'), (l_1_r, l_2_point), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_point = l_2__ = missing
    l_1_r = missing
    l_0_moved = t_14(environment, (undefined(name='moved') if l_0_moved is missing else l_0_moved), attribute='1.week')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
    context.vars['moved'] = l_0_moved
    context.exported_vars.add('moved')
    if (undefined(name='moved') if l_0_moved is missing else l_0_moved):
        pass
        yield '<section id="evidence">\n<h2>What moved your ratings</h2>\n<table>\n<thead><tr><th>Week</th><th>Behaviour</th><th class="num">Level</th><th>What happened</th></tr></thead>\n<tbody>\n'
        for (l_1_r, l_1_point) in (undefined(name='moved') if l_0_moved is missing else l_0_moved):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_point, 'week'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</td><td class="num">'
            if environment.getattr(l_1_point, 'previous'):
                pass
                yield escape(environment.getattr(l_1_point, 'previous'))
                yield ' → '
            yield escape(environment.getattr(l_1_point, 'level'))
            yield '</td><td>'
            yield escape(t_8(environment.getattr(l_1_point, 'evidence')))
            if environment.getattr(l_1_point, 'private'):
                pass
                yield '<span class="private">private</span>'
            yield '</td></tr>\n'
        l_1_r = l_1_point = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'focus_reflections'):
        pass
        yield '<section id="reflections">\n<h2>Focus reflections</h2>\n'
        l_0_shown = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'focus_reflections')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
        context.vars['shown'] = l_0_shown
        context.exported_vars.add('shown')
        if (t_5((undefined(name='shown') if l_0_shown is missing else l_0_shown)) < environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'focus_reflections')):
            pass
            yield '<p class="muted">The latest '
            yield escape(t_5((undefined(name='shown') if l_0_shown is missing else l_0_shown)))
            yield ' of '
            yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'focus_reflections'))
            yield ' reflections (<code>belonging journal export</code> keeps them all).</p>\n'
        l_0_groups = t_3((undefined(name='shown') if l_0_shown is missing else l_0_shown), 'behaviour_id')
        context.vars['groups'] = l_0_groups
        context.exported_vars.add('groups')
        l_0_known = t_6(context.eval_ctx, t_7(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), attribute='behaviour_id'))
        context.vars['known'] = l_0_known
        context.exported_vars.add('known')
        def t_21(fiter):
            for l_1_r in fiter:
                if (environment.getattr(l_1_r, 'behaviour_id') in (undefined(name='groups') if l_0_groups is missing else l_0_groups)):
                    yield l_1_r
        for l_1_r in t_21(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings')):
            _loop_vars = {}
            pass
            yield '<h3>'
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</h3>\n'
            for l_2_f in environment.getitem((undefined(name='groups') if l_0_groups is missing else l_0_groups), environment.getattr(l_1_r, 'behaviour_id')):
                _loop_vars = {}
                pass
                yield '<p class="question">'
                yield escape((environment.getattr(l_2_f, 'question') or 'Your reflection'))
                yield ' <span class="muted">('
                yield escape(environment.getattr(l_2_f, 'week'))
                if environment.getattr(l_2_f, 'private'):
                    pass
                    yield ', private'
                yield ')</span></p>\n<blockquote>'
                yield escape(t_8(environment.getattr(l_2_f, 'answer')))
                yield '</blockquote>\n'
            l_2_f = missing
        l_1_r = missing
        l_0_others = t_6(context.eval_ctx, t_11(context, (undefined(name='shown') if l_0_shown is missing else l_0_shown), 'behaviour_id', 'in', (undefined(name='known') if l_0_known is missing else l_0_known)))
        context.vars['others'] = l_0_others
        context.exported_vars.add('others')
        if (undefined(name='others') if l_0_others is missing else l_0_others):
            pass
            yield '<h3>Other reflections</h3>\n'
            for l_1_f in (undefined(name='others') if l_0_others is missing else l_0_others):
                _loop_vars = {}
                pass
                yield '<p class="question">'
                yield escape((environment.getattr(l_1_f, 'question') or 'Your reflection'))
                yield ' <span class="muted">('
                yield escape(environment.getattr(l_1_f, 'week'))
                if environment.getattr(l_1_f, 'private'):
                    pass
                    yield ', private'
                yield ')</span></p>\n<blockquote>'
                yield escape(t_8(environment.getattr(l_1_f, 'answer')))
                yield '</blockquote>\n'
            l_1_f = missing
        yield '</section>\n'
    yield '\n'
    l_0_e = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiments')
    context.vars['e'] = l_0_e
    context.exported_vars.add('e')
    if (environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items') or environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open')):
        pass
        yield '<section id="experiments">\n<h2>Experiments</h2>\n<p>'
        yield escape(context.call((undefined(name='experiments_words') if l_0_experiments_words is missing else l_0_experiments_words), environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'counts')))
        yield '</p>\n'
        l_1_loop = missing
        for l_1_o, l_1_loop in LoopContext(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'), undefined):
            _loop_vars = {}
            pass
            yield '<p class="notice">'
            yield escape(('Open now' if environment.getattr(l_1_loop, 'first') else 'Also open'))
            yield ': <b>'
            yield escape((environment.getattr(l_1_o, 'title') or 'a private experiment'))
            yield '</b> ('
            yield escape(environment.getattr(l_1_o, 'behaviour_title'))
            yield ', for '
            yield escape(environment.getattr(l_1_o, 'week'))
            yield ').</p>\n'
        l_1_loop = l_1_o = missing
        if (environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_total') > t_5(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'))):
            pass
            yield '<p class="notice">And '
            yield escape((environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_total') - t_5(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'))))
            yield ' more open.</p>\n'
        if environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items'):
            pass
            l_0_items = environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
            context.vars['items'] = l_0_items
            context.exported_vars.add('items')
            if (t_5((undefined(name='items') if l_0_items is missing else l_0_items)) < environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'experiments')):
                pass
                yield '<p class="muted">The latest '
                yield escape(t_5((undefined(name='items') if l_0_items is missing else l_0_items)))
                yield ' of '
                yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'experiments'))
                yield ' experiments.</p>\n'
            yield '<table>\n<thead><tr><th>Week</th><th>Experiment</th><th>Behaviour</th><th>Outcome</th><th>What happened</th><th>What you learned</th></tr></thead>\n<tbody>\n'
            for l_1_x in (undefined(name='items') if l_0_items is missing else l_0_items):
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.getattr(l_1_x, 'week'))
                yield '</td><td>'
                if environment.getattr(l_1_x, 'title'):
                    pass
                    yield escape(environment.getattr(l_1_x, 'title'))
                    if environment.getattr(l_1_x, 'private'):
                        pass
                        yield ' <span class="private">private</span>'
                else:
                    pass
                    yield '<span class="muted">(private)</span>'
                yield '</td><td>'
                yield escape((environment.getattr(l_1_x, 'behaviour_title') or environment.getattr(l_1_x, 'behaviour_id')))
                yield '</td><td>'
                yield escape(t_10(environment.getattr(l_1_x, 'state')))
                yield '</td><td>'
                if environment.getattr(l_1_x, 'happened'):
                    pass
                    yield escape(t_8(environment.getattr(l_1_x, 'happened')))
                yield '</td><td>'
                if environment.getattr(l_1_x, 'learned'):
                    pass
                    yield escape(t_8(environment.getattr(l_1_x, 'learned')))
                yield '</td></tr>\n'
            l_1_x = missing
            yield '</tbody>\n</table>\n'
        l_0_rose = t_6(context.eval_ctx, t_12(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiment_links'), 'effect', 'equalto', 'rose'))
        context.vars['rose'] = l_0_rose
        context.exported_vars.add('rose')
        l_0_flat = t_6(context.eval_ctx, t_11(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiment_links'), 'effect', 'equalto', 'rose'))
        context.vars['flat'] = l_0_flat
        context.exported_vars.add('flat')
        if (undefined(name='rose') if l_0_rose is missing else l_0_rose):
            pass
            yield '<h3>Followed by a rise</h3>\n<ul>\n'
            for l_1_l in (undefined(name='rose') if l_0_rose is missing else l_0_rose):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_1_l, 'text'))
                yield '</li>\n'
            l_1_l = missing
            yield '</ul>\n'
        if (undefined(name='flat') if l_0_flat is missing else l_0_flat):
            pass
            yield '<h3>Followed by no rise</h3>\n<ul>\n'
            for l_1_l in (undefined(name='flat') if l_0_flat is missing else l_0_flat):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_1_l, 'text'))
                yield '</li>\n'
            l_1_l = missing
            yield '</ul>\n'
        yield '</section>\n'
    yield '\n'
    l_0_b = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'balance')
    context.vars['b'] = l_0_b
    context.exported_vars.add('b')
    if ((environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series') or environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes')) or environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers')):
        pass
        yield '<section id="balance">\n<h2>Control or influence</h2>\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers'):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='levers_words') if l_0_levers_words is missing else l_0_levers_words), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '</p>\n<p>Week by week: '
            yield escape(context.call((undefined(name='levers_weeks') if l_0_levers_weeks is missing else l_0_levers_weeks), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '.</p>\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series'):
            pass
            if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers'):
                pass
                yield '<p>Before the levers, you placed your weeks between control (1) and influence (5).</p>\n'
            yield '<p>'
            yield escape(context.call((undefined(name='balance_words') if l_0_balance_words is missing else l_0_balance_words), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '</p>\n<p>Week by week: <span class="spark">'
            yield escape(t_15(t_7(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series'), attribute='value')))
            yield '</span> <span class="muted">(1 mostly control, 5 mostly influence)</span></p>\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes'):
            pass
            yield '<h3>Your latest notes</h3>\n<table>\n<thead><tr><th>Week</th><th>Where you held on to control</th><th>Where you chose influence</th></tr></thead>\n<tbody>\n'
            for l_1_n in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes')[-3:]:
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.getattr(l_1_n, 'week'))
                if environment.getattr(l_1_n, 'private'):
                    pass
                    yield ' <span class="private">private</span>'
                yield '</td><td>'
                if environment.getattr(l_1_n, 'control'):
                    pass
                    yield escape(t_8(environment.getattr(l_1_n, 'control')))
                yield '</td><td>'
                if environment.getattr(l_1_n, 'influence'):
                    pass
                    yield escape(t_8(environment.getattr(l_1_n, 'influence')))
                yield '</td></tr>\n'
            l_1_n = missing
            yield '</tbody>\n</table>\n'
        yield '</section>\n'
    yield '\n'
    l_0_w = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'writing')
    context.vars['w'] = l_0_w
    context.exported_vars.add('w')
    if ((environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways') or environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags')) or environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people')):
        pass
        yield '<section id="writing">\n<h2>In your words</h2>\n'
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways'):
            pass
            for (l_1_question, l_1_said) in context.call(environment.getattr(t_3(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):], 'question'), 'items')):
                _loop_vars = {}
                pass
                yield '<h3>'
                yield escape((l_1_question or 'Your takeaways'))
                yield '</h3>\n<ul>\n'
                for l_2_t in l_1_said:
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(environment.getattr(l_2_t, 'week'))
                    if environment.getattr(l_2_t, 'private'):
                        pass
                        yield ' <span class="private">private</span>'
                    yield ': '
                    yield escape(environment.getattr(l_2_t, 'text'))
                    yield '</li>\n'
                l_2_t = missing
                yield '</ul>\n'
            l_1_question = l_1_said = missing
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags'):
            pass
            yield '<p>Your tags: '
            l_1_loop = missing
            for l_1_t, l_1_loop in LoopContext(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags'), undefined):
                _loop_vars = {}
                pass
                yield '<b>'
                yield escape(environment.getattr(l_1_t, 'tag'))
                yield '</b> ('
                yield escape(environment.getattr(l_1_t, 'count'))
                yield ': '
                yield escape(t_4(context.eval_ctx, environment.getattr(l_1_t, 'weeks'), ', '))
                yield ')'
                yield escape(('; ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
            l_1_loop = l_1_t = missing
            yield '</p>\n'
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people'):
            pass
            yield '<p>People you wrote about most <span class="muted">(only in your own report)</span>: '
            l_1_loop = missing
            for l_1_m, l_1_loop in LoopContext(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getattr(l_1_m, 'name'))
                yield ' ('
                yield escape(environment.getattr(l_1_m, 'count'))
                yield ')'
                yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
            l_1_loop = l_1_m = missing
            yield '</p>\n'
        yield '</section>\n'
    yield '\n'
    if (t_17(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')):
        pass
        l_0_x = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')
        context.vars['x'] = l_0_x
        context.exported_vars.add('x')
        yield '<section id="exercises">\n<h2>Coach exercises</h2>\n'
        if environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items'):
            pass
            yield '<p>Done '
            yield escape(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'done'))
            yield ', due '
            yield escape(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'due'))
            yield ', overdue '
            yield escape(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'overdue'))
            yield '.</p>\n<table>\n<thead><tr><th>Exercise</th><th>Behaviour</th><th>Coach</th><th>Due</th><th>Status</th></tr></thead>\n<tbody>\n'
            for l_1_item in environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items'):
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.getattr(l_1_item, 'title'))
                yield '</td><td>'
                yield escape(environment.getattr(l_1_item, 'behaviour_id'))
                yield '</td><td>'
                yield escape((environment.getattr(l_1_item, 'coach') or ''))
                yield '</td><td>'
                yield escape(t_2(environment.getattr(l_1_item, 'due')))
                yield '</td><td class="'
                yield escape(('down' if (environment.getattr(l_1_item, 'state') == 'overdue') else ''))
                yield '">'
                yield escape(t_16(environment.getattr(l_1_item, 'state')))
                yield '</td></tr>\n'
            l_1_item = missing
            yield '</tbody>\n</table>\n'
            def t_22(fiter):
                for l_1_item in fiter:
                    if environment.getattr(l_1_item, 'answers'):
                        yield l_1_item
            for l_1_item in t_22(environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items')):
                _loop_vars = {}
                pass
                yield '<h3>'
                yield escape(environment.getattr(l_1_item, 'title'))
                yield ': your answers</h3>\n'
                for l_2_a in environment.getattr(l_1_item, 'answers'):
                    _loop_vars = {}
                    pass
                    yield '<p class="question">'
                    yield escape((environment.getattr(l_2_a, 'question') or 'Your answer'))
                    yield ' <span class="muted">('
                    yield escape(environment.getattr(l_2_a, 'week'))
                    if environment.getattr(l_2_a, 'private'):
                        pass
                        yield ', private'
                    yield ')</span></p>\n<blockquote>'
                    yield escape(t_8(environment.getattr(l_2_a, 'answer')))
                    yield '</blockquote>\n'
                l_2_a = missing
            l_1_item = missing
        else:
            pass
            yield '<p>No coach exercises in this period.</p>\n'
        yield '</section>\n'
    yield '\n'
    l_0_fb = (environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'feedback') if t_17(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'feedback')) else None)
    context.vars['fb'] = l_0_fb
    context.exported_vars.add('fb')
    if (undefined(name='fb') if l_0_fb is missing else l_0_fb):
        pass
        yield '<section id="others">\n<h2>Others\' view</h2>\n<p>Feedback from '
        yield escape(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'raters_total'))
        yield ' people ('
        l_1_loop = missing
        for l_1_g, l_1_loop in LoopContext(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'groups'), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_g, 'n'))
            yield ' '
            yield escape(environment.getattr(l_1_g, 'group'))
            yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 340 in 'report.html.j2' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_g = missing
        yield '), collected '
        yield escape(t_2(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'collected_on')))
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on'):
            pass
            yield '; change since the round of '
            yield escape(t_2(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on')))
        yield '.</p>\n<table>\n<thead><tr><th>Behaviour</th><th>You</th><th>Others (spread)</th><th>By group</th><th>Seen</th>'
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on'):
            pass
            yield '<th>Since last</th>'
        yield '</tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_b, l_1_loop in LoopContext(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), undefined):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_b, 'title'))
            yield '</td><td>'
            yield escape((environment.getattr(l_1_b, 'self_level') if (not t_18(environment.getattr(l_1_b, 'self_level'))) else '-'))
            yield '</td><td>'
            if (not t_18(environment.getattr(l_1_b, 'others_mean'))):
                pass
                yield escape(t_9(environment.getattr(l_1_b, 'others_mean')))
                yield ' <span class="muted">('
                yield escape(environment.getattr(l_1_b, 'others_min'))
                yield '-'
                yield escape(environment.getattr(l_1_b, 'others_max'))
                yield ', '
                yield escape(environment.getattr(l_1_b, 'others_n'))
                yield ')</span>'
            else:
                pass
                yield '<span class="muted">too few answers</span>'
            yield '</td><td>'
            l_2_loop = missing
            t_23 = 1
            for l_2_g, l_2_loop in LoopContext(environment.getattr(l_1_b, 'by_group'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.getattr(l_2_g, 'group'))
                yield ' '
                yield escape(t_9(environment.getattr(l_2_g, 'mean')))
                yield escape(('; ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 345 in 'report.html.j2' evaluated to false and no else section was defined.")))
                t_23 = 0
            l_2_loop = l_2_g = missing
            if t_23:
                pass
                yield '-'
            yield '</td><td class="'
            yield escape(('down' if (environment.getattr(l_1_b, 'verdict') == 'blind spot') else ('up' if (environment.getattr(l_1_b, 'verdict') == 'hidden strength') else '')))
            yield '">'
            yield escape((environment.getattr(l_1_b, 'verdict') or '-'))
            yield '</td>'
            if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on'):
                pass
                yield '<td>'
                yield escape((t_9(environment.getattr(l_1_b, 'change'), sign=True) if (not t_18(environment.getattr(l_1_b, 'change'))) else '-'))
                yield '</td>'
            yield '</tr>\n'
        l_1_loop = l_1_b = missing
        yield '</tbody>\n</table>\n'
        l_0_seen = (t_6(context.eval_ctx, t_12(context, environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), 'most_seen')) + t_6(context.eval_ctx, t_12(context, environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), 'look_fors_even')))
        context.vars['seen'] = l_0_seen
        context.exported_vars.add('seen')
        if (undefined(name='seen') if l_0_seen is missing else l_0_seen):
            pass
            yield '<h3>Look-fors others see most and least</h3>\n<ul>\n'
            def t_24(fiter):
                for l_1_b in fiter:
                    if (environment.getattr(l_1_b, 'most_seen') or environment.getattr(l_1_b, 'look_fors_even')):
                        yield l_1_b
            for l_1_b in t_24(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours')):
                _loop_vars = {}
                pass
                if environment.getattr(l_1_b, 'look_fors_even'):
                    pass
                    yield '<li>'
                    yield escape(environment.getattr(l_1_b, 'title'))
                    yield ': none stands out, all seen as often.</li>\n'
                elif environment.getattr(l_1_b, 'least_seen'):
                    pass
                    yield '<li>'
                    yield escape(environment.getattr(l_1_b, 'title'))
                    yield ': most, <i>'
                    yield escape(t_1(environment.getattr(l_1_b, 'most_seen')))
                    yield '</i>; least, <i>'
                    yield escape(environment.getattr(l_1_b, 'least_seen'))
                    yield '</i></li>\n'
                else:
                    pass
                    yield '<li>'
                    yield escape(environment.getattr(l_1_b, 'title'))
                    yield ': most, <i>'
                    yield escape(environment.getattr(l_1_b, 'most_seen'))
                    yield '</i></li>\n'
            l_1_b = missing
            yield '</ul>\n'
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'keep'):
            pass
            yield '<h3>Keep doing, in their words</h3>\n'
            for l_1_c in environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'keep'):
                _loop_vars = {}
                pass
                yield '<blockquote>'
                yield escape(t_8(l_1_c))
                yield '</blockquote>\n'
            l_1_c = missing
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'change'):
            pass
            yield '<h3>Do more or less of</h3>\n'
            for l_1_c in environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'change'):
                _loop_vars = {}
                pass
                yield '<blockquote>'
                yield escape(t_8(l_1_c))
                yield '</blockquote>\n'
            l_1_c = missing
        yield '</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'):
        pass
        yield '<section id="next">\n<h2>Next week</h2>\n<p>Suggested focus: <b>'
        yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'), 'title'))
        yield '</b>. '
        yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'), 'reason'))
        yield '</p>\n</section>\n'
    yield '\n<footer>Rubric '
    yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'id'))
    yield ' '
    yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'version'))
    yield ' ('
    yield escape(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'title'))
    yield '). Made with belonging'
    yield escape((markup_join((' ', environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tool_version'), )) if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tool_version') else cond_expr_undefined("the inline if-expression on line 386 in 'report.html.j2' evaluated to false and no else section was defined.")))
    yield ' on '
    yield escape(t_2(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'generated_at')))
    yield '.</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '4=147&5=150&6=153&7=156&15=160&76=167&77=178&80=181&81=185&87=190&88=194&89=198&90=202&92=208&93=210&94=213&98=216&102=219&103=223&111=248&112=250&113=254&115=258&119=261&120=265&124=287&125=290&130=295&132=298&137=304&140=306&142=309&144=313&145=317&151=322&153=325&156=332&157=335&158=346&162=349&163=353&169=370&170=373&171=388&172=391&178=394&179=398&186=416&189=419&190=422&191=425&193=429&194=432&195=435&196=443&197=445&198=449&199=456&202=460&203=463&205=466&206=470&207=477&213=482&214=485&217=488&218=491&219=495&221=504&222=507&224=509&225=511&226=514&227=517&232=522&233=526&238=552&239=555&240=558&243=561&247=569&250=572&257=582&258=585&261=588&262=591&263=593&265=595&266=597&269=601&270=603&272=605&277=608&278=612&286=629&287=632&290=635&291=637&292=641&294=643&295=647&300=657&301=661&303=674&304=678&309=690&310=692&313=696&314=699&318=705&319=709&323=723&324=731&325=733&326=737&327=744&336=753&337=756&340=759&342=777&344=782&345=786&349=831&350=834&353=837&354=844&355=847&356=849&357=852&359=861&364=867&366=870&367=874&370=877&372=880&373=884&379=889&382=892&386=897'
