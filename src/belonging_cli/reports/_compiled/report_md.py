# source-sha256: 2c4ca00c00d4309ba96afb5319e337448a47816df9ddb1b6d2a270fc4217e482
# Generated from templates/report.md.j2 by `python -m belonging_cli.reports.builtin_templates`;
# do not edit (see builtin_templates.py).
# ruff: noqa
# fmt: off
# mypy: ignore-errors
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_report = resolve('report')
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
    l_0_answered = resolve('answered')
    l_0_s = l_0_p = l_0_rated = l_0_unrated = l_0_fell_back = l_0_paths = l_0_moved = l_0_e = l_0_b = l_0_w = l_0_fb = missing
    try:
        t_1 = environment.filters['cell']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cell' found.")
    try:
        t_2 = environment.filters['clause']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'clause' found.")
    try:
        t_3 = environment.filters['day']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'day' found.")
    try:
        t_4 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_5 = environment.filters['group_by']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'group_by' found.")
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_7 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_8 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_9 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_10 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_11 = environment.filters['md_note']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'md_note' found.")
    try:
        t_12 = environment.filters['md_quote']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'md_quote' found.")
    try:
        t_13 = environment.filters['one_decimal']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No filter named 'one_decimal' found.")
    try:
        t_14 = environment.filters['outcome']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'outcome' found.")
    try:
        t_15 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_15(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_16 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_16(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_17 = environment.filters['signed']
    except KeyError:
        @internalcode
        def t_17(*unused):
            raise TemplateRuntimeError("No filter named 'signed' found.")
    try:
        t_18 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_18(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_19 = environment.filters['sparkline']
    except KeyError:
        @internalcode
        def t_19(*unused):
            raise TemplateRuntimeError("No filter named 'sparkline' found.")
    try:
        t_20 = environment.filters['state']
    except KeyError:
        @internalcode
        def t_20(*unused):
            raise TemplateRuntimeError("No filter named 'state' found.")
    try:
        t_21 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_21(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_22 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_22(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_s = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'summary')
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_p = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'period')
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    l_0_rated = t_8(context.eval_ctx, t_16(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), 'count'))
    context.vars['rated'] = l_0_rated
    context.exported_vars.add('rated')
    l_0_unrated = t_8(context.eval_ctx, t_15(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), 'count'))
    context.vars['unrated'] = l_0_unrated
    context.exported_vars.add('unrated')
    yield '# Progress report\n\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name'):
        pass
        yield 'For '
        yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'person'), 'name')))
        yield ', covering '
        yield str(context.call((undefined(name='period_phrase') if l_0_period_phrase is missing else l_0_period_phrase), (undefined(name='p') if l_0_p is missing else l_0_p)))
        yield '.\n'
    else:
        pass
        yield 'Covering '
        yield str(context.call((undefined(name='period_phrase') if l_0_period_phrase is missing else l_0_period_phrase), (undefined(name='p') if l_0_p is missing else l_0_p)))
        yield '.\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'top'), 'lines'):
        pass
        yield '\n## At a glance\n\n'
        for l_1_line in environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'top'), 'lines'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_10(l_1_line))
            yield '\n'
        l_1_line = missing
        yield '\n'
    yield str(context.call((undefined(name='rhythm') if l_0_rhythm is missing else l_0_rhythm), (undefined(name='s') if l_0_s is missing else l_0_s)))
    yield '\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'last_reflection'):
        pass
        yield 'Your last reflection was on '
        yield str(t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'last_reflection')))
        yield '.\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'shared'):
        pass
        yield '\n> Shared report: '
        yield str(context.call((undefined(name='left_out') if l_0_left_out is missing else l_0_left_out), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'private_left_out')))
        yield '\n'
    if (t_21(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals')):
        pass
        yield '\n## Goals\n\n'
        for l_1_g in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'goals'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_10(environment.getattr(l_1_g, 'title')))
            yield ': '
            if (not t_22(environment.getattr(l_1_g, 'start'))):
                pass
                yield str(environment.getattr(l_1_g, 'start'))
                yield ' -> '
            yield str(environment.getattr(l_1_g, 'target'))
            yield ' by '
            yield str(t_3(environment.getattr(l_1_g, 'due')))
            yield ', '
            yield str(t_10(environment.getattr(l_1_g, 'standing')))
            if (environment.getattr(l_1_g, 'status') != 'open'):
                pass
                yield ' ('
                yield str(environment.getattr(l_1_g, 'status'))
                yield ')'
            if environment.getattr(l_1_g, 'by_coach'):
                pass
                yield ' (from your coach)'
            yield '. Success: '
            yield str(t_10(environment.getattr(l_1_g, 'success')))
            yield '\n'
        l_1_g = missing
    yield '\n## Ratings\n\n'
    if environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'level_wording_changed'):
        pass
        l_0_changed = environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'level_wording_changed')
        context.vars['changed'] = l_0_changed
        context.exported_vars.add('changed')
        yield 'Level wording changed with rubric '
        yield str(t_10(environment.getattr((undefined(name='changed') if l_0_changed is missing else l_0_changed), 'version')))
        yield ' on '
        yield str(t_3(environment.getattr((undefined(name='changed') if l_0_changed is missing else l_0_changed), 'on')))
        yield ': compare levels across it with care.\n\n'
    if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
        pass
        yield '| Behaviour | From | Latest | Change | Average | Trend | Where you are |\n| --- | ---: | ---: | ---: | ---: | --- | --- |\n'
        for l_1_r in (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_1_r, 'number'))
            yield '. '
            yield str(t_10(environment.getattr(l_1_r, 'title')))
            yield ' | '
            yield str((environment.getattr(l_1_r, 'first') if t_22(environment.getattr(l_1_r, 'previous')) else environment.getattr(l_1_r, 'previous')))
            yield ' | '
            yield str(environment.getattr(l_1_r, 'latest'))
            yield ' | '
            yield str(t_17(environment.getattr(l_1_r, 'change')))
            yield ' | '
            yield str(t_13(environment.getattr(l_1_r, 'average')))
            yield ' | '
            yield str(t_19(environment.getattr(l_1_r, 'series')))
            yield ' '
            yield str(environment.getattr(l_1_r, 'trend'))
            yield ' | '
            yield str(t_10(environment.getattr(l_1_r, 'latest_label')))
            yield ' |\n'
        l_1_r = missing
        if (undefined(name='unrated') if l_0_unrated is missing else l_0_unrated):
            pass
            yield '\nNot rated in this period: '
            l_1_loop = missing
            for l_1_r, l_1_loop in LoopContext((undefined(name='unrated') if l_0_unrated is missing else l_0_unrated), undefined):
                _loop_vars = {}
                pass
                yield str(t_10(environment.getattr(l_1_r, 'title')))
                yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
            l_1_loop = l_1_r = missing
            yield '\n'
    else:
        pass
        yield 'No ratings in this period yet.\n'
    if environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'ratings'):
        pass
        yield '\n```mermaid\n'
        yield str(environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'ratings'))
        yield '\n```\n'
    if (t_21(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'evidence')):
        pass
        template = environment.get_template('evidence.md.j2', 'report.md.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'answered': l_0_answered, 'b': l_0_b, 'changed': l_0_changed, 'e': l_0_e, 'fb': l_0_fb, 'fell_back': l_0_fell_back, 'flat': l_0_flat, 'groups': l_0_groups, 'items': l_0_items, 'known': l_0_known, 'moved': l_0_moved, 'others': l_0_others, 'p': l_0_p, 'paths': l_0_paths, 'rated': l_0_rated, 'rose': l_0_rose, 's': l_0_s, 'shown': l_0_shown, 'unrated': l_0_unrated, 'w': l_0_w, 'x': l_0_x}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    def macro(l_1_t):
        t_23 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        if environment.getattr(l_1_t, 'fell_back'):
            pass
            t_23.extend((
                ' Fell back from ',
                str(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'high')),
                ' to ',
                str(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'to')),
                ' in ',
                str(environment.getattr(environment.getattr(l_1_t, 'fell_back'), 'week')),
                '.',
            ))
        return concat(t_23)
    context.exported_vars.add('fell_back')
    context.vars['fell_back'] = l_0_fell_back = Macro(environment, macro, 'fell_back', ('t',), False, False, False, context.eval_ctx.autoescape)
    l_0_paths = []
    context.vars['paths'] = l_0_paths
    context.exported_vars.add('paths')
    def t_24(fiter):
        for l_1_t in fiter:
            if (t_7(environment.getattr(l_1_t, 'stretches')) > 1):
                yield l_1_t
    for l_1_t in t_24(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'timeline')):
        l_1__ = missing
        _loop_vars = {}
        pass
        l_1__ = context.call(environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'append'), l_1_t, _loop_vars=_loop_vars)
        _loop_vars['_'] = l_1__
    l_1_t = l_1__ = missing
    if (undefined(name='paths') if l_0_paths is missing else l_0_paths):
        pass
        yield '\n## Highs and lows\n\n'
        for l_1_t in (undefined(name='paths') if l_0_paths is missing else l_0_paths):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_10(environment.getattr(l_1_t, 'title')))
            yield ': '
            yield str(t_10(environment.getattr(l_1_t, 'story')))
            yield '.'
            yield str(context.call((undefined(name='fell_back') if l_0_fell_back is missing else l_0_fell_back), l_1_t, _loop_vars=_loop_vars))
            yield '\n'
        l_1_t = missing
    l_0_moved = []
    context.vars['moved'] = l_0_moved
    context.exported_vars.add('moved')
    for l_1_r in (undefined(name='rated') if l_0_rated is missing else l_0_rated):
        _loop_vars = {}
        pass
        def t_25(fiter):
            for l_2_point in fiter:
                if environment.getattr(l_2_point, 'evidence'):
                    yield l_2_point
        for l_2_point in t_25(environment.getattr(l_1_r, 'series')):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='moved') if l_0_moved is missing else l_0_moved), 'append'), (l_1_r, l_2_point), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_point = l_2__ = missing
    l_1_r = missing
    l_0_moved = t_18(environment, (undefined(name='moved') if l_0_moved is missing else l_0_moved), attribute='1.week')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
    context.vars['moved'] = l_0_moved
    context.exported_vars.add('moved')
    if (undefined(name='moved') if l_0_moved is missing else l_0_moved):
        pass
        yield '\n## What moved your ratings\n\n'
        for (l_1_r, l_1_point) in (undefined(name='moved') if l_0_moved is missing else l_0_moved):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.getattr(l_1_point, 'week'))
            yield ', '
            yield str(t_10(environment.getattr(l_1_r, 'title')))
            yield ', '
            yield str((t_4('%s → %s', environment.getattr(l_1_point, 'previous'), environment.getattr(l_1_point, 'level')) if environment.getattr(l_1_point, 'previous') else t_4('rated %s', environment.getattr(l_1_point, 'level'))))
            yield str((' (private)' if environment.getattr(l_1_point, 'private') else cond_expr_undefined("the inline if-expression on line 90 in 'report.md.j2' evaluated to false and no else section was defined.")))
            yield ': '
            yield str(t_11(environment.getattr(l_1_point, 'evidence')))
            yield '\n'
        l_1_r = l_1_point = missing
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'focus_reflections'):
        pass
        yield '\n## Focus reflections\n'
        l_0_shown = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'focus_reflections')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
        context.vars['shown'] = l_0_shown
        context.exported_vars.add('shown')
        if (t_7((undefined(name='shown') if l_0_shown is missing else l_0_shown)) < environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'focus_reflections')):
            pass
            yield '\nThe latest '
            yield str(t_7((undefined(name='shown') if l_0_shown is missing else l_0_shown)))
            yield ' of '
            yield str(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'focus_reflections'))
            yield ' reflections (`belonging journal export` keeps them all).\n'
        l_0_groups = t_5((undefined(name='shown') if l_0_shown is missing else l_0_shown), 'behaviour_id')
        context.vars['groups'] = l_0_groups
        context.exported_vars.add('groups')
        l_0_known = t_8(context.eval_ctx, t_9(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings'), attribute='behaviour_id'))
        context.vars['known'] = l_0_known
        context.exported_vars.add('known')
        def t_26(fiter):
            for l_1_r in fiter:
                if (environment.getattr(l_1_r, 'behaviour_id') in (undefined(name='groups') if l_0_groups is missing else l_0_groups)):
                    yield l_1_r
        for l_1_r in t_26(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'ratings')):
            _loop_vars = {}
            pass
            yield '\n### '
            yield str(t_10(environment.getattr(l_1_r, 'title')))
            yield '\n'
            for l_2_f in environment.getitem((undefined(name='groups') if l_0_groups is missing else l_0_groups), environment.getattr(l_1_r, 'behaviour_id')):
                _loop_vars = {}
                pass
                yield '\n*'
                yield str(t_10((environment.getattr(l_2_f, 'question') or 'Your reflection')))
                yield '* ('
                yield str(environment.getattr(l_2_f, 'week'))
                yield str((', private' if environment.getattr(l_2_f, 'private') else cond_expr_undefined("the inline if-expression on line 108 in 'report.md.j2' evaluated to false and no else section was defined.")))
                yield ')\n\n'
                yield str(t_12(environment.getattr(l_2_f, 'answer')))
                yield '\n'
            l_2_f = missing
        l_1_r = missing
        l_0_others = t_8(context.eval_ctx, t_15(context, (undefined(name='shown') if l_0_shown is missing else l_0_shown), 'behaviour_id', 'in', (undefined(name='known') if l_0_known is missing else l_0_known)))
        context.vars['others'] = l_0_others
        context.exported_vars.add('others')
        if (undefined(name='others') if l_0_others is missing else l_0_others):
            pass
            yield '\n### Other reflections\n'
            for l_1_f in (undefined(name='others') if l_0_others is missing else l_0_others):
                _loop_vars = {}
                pass
                yield '\n*'
                yield str(t_10((environment.getattr(l_1_f, 'question') or 'Your reflection')))
                yield '* ('
                yield str(environment.getattr(l_1_f, 'week'))
                yield str((', private' if environment.getattr(l_1_f, 'private') else cond_expr_undefined("the inline if-expression on line 119 in 'report.md.j2' evaluated to false and no else section was defined.")))
                yield ')\n\n'
                yield str(t_12(environment.getattr(l_1_f, 'answer')))
                yield '\n'
            l_1_f = missing
    l_0_e = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiments')
    context.vars['e'] = l_0_e
    context.exported_vars.add('e')
    if (environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items') or environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open')):
        pass
        yield '\n## Experiments\n\n'
        yield str(context.call((undefined(name='experiments_words') if l_0_experiments_words is missing else l_0_experiments_words), environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'counts')))
        yield '\n'
        l_1_loop = missing
        for l_1_o, l_1_loop in LoopContext(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'), undefined):
            _loop_vars = {}
            pass
            yield str(('Open now' if environment.getattr(l_1_loop, 'first') else 'Also open'))
            yield ': **'
            yield str(t_10((environment.getattr(l_1_o, 'title') or 'a private experiment')))
            yield '** ('
            yield str(t_10(environment.getattr(l_1_o, 'behaviour_title')))
            yield ', for '
            yield str(environment.getattr(l_1_o, 'week'))
            yield ').\n'
        l_1_loop = l_1_o = missing
        if (environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_total') > t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'))):
            pass
            yield 'And '
            yield str((environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_total') - t_7(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'open_now'))))
            yield ' more open.\n'
        if environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items'):
            pass
            l_0_items = environment.getitem((undefined(name='e') if l_0_e is missing else l_0_e), 'items')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):]
            context.vars['items'] = l_0_items
            context.exported_vars.add('items')
            if (t_7((undefined(name='items') if l_0_items is missing else l_0_items)) < environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'experiments')):
                pass
                yield '\nThe latest '
                yield str(t_7((undefined(name='items') if l_0_items is missing else l_0_items)))
                yield ' of '
                yield str(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'listed'), 'experiments'))
                yield ' experiments:\n'
            yield '\n| Week | Experiment | Behaviour | Outcome | What happened | What you learned |\n| --- | --- | --- | --- | --- | --- |\n'
            for l_1_x in (undefined(name='items') if l_0_items is missing else l_0_items):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_1_x, 'week'))
                yield ' | '
                yield str(t_10((environment.getattr(l_1_x, 'title') or '(private)')))
                yield str((' (private)' if (environment.getattr(l_1_x, 'private') and environment.getattr(l_1_x, 'title')) else cond_expr_undefined("the inline if-expression on line 147 in 'report.md.j2' evaluated to false and no else section was defined.")))
                yield ' | '
                yield str(t_10((environment.getattr(l_1_x, 'behaviour_title') or environment.getattr(l_1_x, 'behaviour_id'))))
                yield ' | '
                yield str(t_14(environment.getattr(l_1_x, 'state')))
                yield ' | '
                yield str(t_1(environment.getattr(l_1_x, 'happened')))
                yield ' | '
                yield str(t_1(environment.getattr(l_1_x, 'learned')))
                yield ' |\n'
            l_1_x = missing
        l_0_rose = t_8(context.eval_ctx, t_16(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiment_links'), 'effect', 'equalto', 'rose'))
        context.vars['rose'] = l_0_rose
        context.exported_vars.add('rose')
        l_0_flat = t_8(context.eval_ctx, t_15(context, environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'experiment_links'), 'effect', 'equalto', 'rose'))
        context.vars['flat'] = l_0_flat
        context.exported_vars.add('flat')
        if (undefined(name='rose') if l_0_rose is missing else l_0_rose):
            pass
            yield '\nFollowed by a rise:\n\n'
            for l_1_l in (undefined(name='rose') if l_0_rose is missing else l_0_rose):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_10(environment.getattr(l_1_l, 'text')))
                yield '\n'
            l_1_l = missing
        if (undefined(name='flat') if l_0_flat is missing else l_0_flat):
            pass
            yield '\nFollowed by no rise:\n\n'
            for l_1_l in (undefined(name='flat') if l_0_flat is missing else l_0_flat):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_10(environment.getattr(l_1_l, 'text')))
                yield '\n'
            l_1_l = missing
    l_0_b = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'balance')
    context.vars['b'] = l_0_b
    context.exported_vars.add('b')
    if ((environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series') or environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes')) or environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers')):
        pass
        yield '\n## Control or influence\n\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers'):
            pass
            yield str(context.call((undefined(name='levers_words') if l_0_levers_words is missing else l_0_levers_words), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '\n\nWeek by week: '
            yield str(context.call((undefined(name='levers_weeks') if l_0_levers_weeks is missing else l_0_levers_weeks), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '.\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series'):
            pass
            if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'levers'):
                pass
                yield '\nBefore the levers, you placed your weeks between control (1) and influence (5).\n'
            yield str(context.call((undefined(name='balance_words') if l_0_balance_words is missing else l_0_balance_words), (undefined(name='b') if l_0_b is missing else l_0_b)))
            yield '\n\nWeek by week: '
            yield str(t_19(t_9(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'series'), attribute='value')))
            yield ' (1 mostly control, 5 mostly influence).\n'
        if environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'balance'):
            pass
            yield '\n```mermaid\n'
            yield str(environment.getattr((undefined(name='charts') if l_0_charts is missing else l_0_charts), 'balance'))
            yield '\n```\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes'):
            pass
            yield '\nYour latest notes:\n\n'
            for l_1_n in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'notes')[-3:]:
                l_1__ = resolve('_')
                l_1_parts = missing
                _loop_vars = {}
                pass
                l_1_parts = []
                _loop_vars['parts'] = l_1_parts
                if environment.getattr(l_1_n, 'control'):
                    pass
                    l_1__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), str_join(('**Control:** ', t_11(environment.getattr(l_1_n, 'control')), )), _loop_vars=_loop_vars)
                    _loop_vars['_'] = l_1__
                if environment.getattr(l_1_n, 'influence'):
                    pass
                    l_1__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), str_join(('**Influence:** ', t_11(environment.getattr(l_1_n, 'influence')), )), _loop_vars=_loop_vars)
                    _loop_vars['_'] = l_1__
                yield '- '
                yield str(environment.getattr(l_1_n, 'week'))
                yield str((' (private)' if environment.getattr(l_1_n, 'private') else cond_expr_undefined("the inline if-expression on line 202 in 'report.md.j2' evaluated to false and no else section was defined.")))
                yield ': '
                yield str(t_6(context.eval_ctx, (undefined(name='parts') if l_1_parts is missing else l_1_parts), ' '))
                yield '\n'
            l_1_n = l_1_parts = l_1__ = missing
    l_0_w = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'writing')
    context.vars['w'] = l_0_w
    context.exported_vars.add('w')
    if ((environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways') or environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags')) or environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people')):
        pass
        yield '\n## In your words\n'
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways'):
            pass
            for (l_1_question, l_1_said) in context.call(environment.getattr(t_5(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'takeaways')[(-(undefined(name='limit') if l_0_limit is missing else l_0_limit)):], 'question'), 'items')):
                _loop_vars = {}
                pass
                yield '\n### '
                yield str(t_10((l_1_question or 'Your takeaways')))
                yield '\n\n'
                for l_2_t in l_1_said:
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.getattr(l_2_t, 'week'))
                    yield str((' (private)' if environment.getattr(l_2_t, 'private') else cond_expr_undefined("the inline if-expression on line 216 in 'report.md.j2' evaluated to false and no else section was defined.")))
                    yield ': '
                    yield str(t_10(environment.getattr(l_2_t, 'text')))
                    yield '\n'
                l_2_t = missing
            l_1_question = l_1_said = missing
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags'):
            pass
            yield '\nYour tags: '
            l_1_loop = missing
            for l_1_t, l_1_loop in LoopContext(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'tags'), undefined):
                _loop_vars = {}
                pass
                yield str(t_10(environment.getattr(l_1_t, 'tag')))
                yield ' ('
                yield str(environment.getattr(l_1_t, 'count'))
                yield ': '
                yield str(t_6(context.eval_ctx, environment.getattr(l_1_t, 'weeks'), ', '))
                yield ')'
                yield str(('; ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
            l_1_loop = l_1_t = missing
            yield '\n'
        if environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people'):
            pass
            yield '\nPeople you wrote about most (only in your own report): '
            l_1_loop = missing
            for l_1_m, l_1_loop in LoopContext(environment.getattr((undefined(name='w') if l_0_w is missing else l_0_w), 'people'), undefined):
                _loop_vars = {}
                pass
                yield str(t_10(environment.getattr(l_1_m, 'name')))
                yield ' ('
                yield str(environment.getattr(l_1_m, 'count'))
                yield ')'
                yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
            l_1_loop = l_1_m = missing
            yield '\n'
    if (t_21(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')) and environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')):
        pass
        l_0_x = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'exercises')
        context.vars['x'] = l_0_x
        context.exported_vars.add('x')
        yield '\n## Coach exercises\n\n'
        if environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items'):
            pass
            yield 'Done '
            yield str(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'done'))
            yield ', due '
            yield str(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'due'))
            yield ', overdue '
            yield str(environment.getattr(environment.getattr((undefined(name='x') if l_0_x is missing else l_0_x), 'counts'), 'overdue'))
            yield '.\n\n| Exercise | Behaviour | Coach | Due | Status |\n| --- | --- | --- | --- | --- |\n'
            for l_1_item in environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(t_10(environment.getattr(l_1_item, 'title')))
                yield ' | '
                yield str(t_10(environment.getattr(l_1_item, 'behaviour_id')))
                yield ' | '
                yield str(t_1(environment.getattr(l_1_item, 'coach')))
                yield ' | '
                yield str(t_1(t_3(environment.getattr(l_1_item, 'due'))))
                yield ' | '
                yield str(t_20(environment.getattr(l_1_item, 'state')))
                yield ' |\n'
            l_1_item = missing
            l_0_answered = t_8(context.eval_ctx, t_16(context, environment.getitem((undefined(name='x') if l_0_x is missing else l_0_x), 'items'), 'answers'))
            context.vars['answered'] = l_0_answered
            context.exported_vars.add('answered')
            if (undefined(name='answered') if l_0_answered is missing else l_0_answered):
                pass
                yield '\nYour answers:\n\n'
                for l_1_item in (undefined(name='answered') if l_0_answered is missing else l_0_answered):
                    _loop_vars = {}
                    pass
                    for l_2_a in environment.getattr(l_1_item, 'answers'):
                        _loop_vars = {}
                        pass
                        yield '- '
                        yield str(t_10(environment.getattr(l_1_item, 'title')))
                        yield ', '
                        yield str(environment.getattr(l_2_a, 'week'))
                        yield str((' (private)' if environment.getattr(l_2_a, 'private') else cond_expr_undefined("the inline if-expression on line 251 in 'report.md.j2' evaluated to false and no else section was defined.")))
                        yield ': '
                        if environment.getattr(l_2_a, 'question'):
                            pass
                            yield '*'
                            yield str(t_10(environment.getattr(l_2_a, 'question')))
                            yield '* '
                        yield str(t_11(environment.getattr(l_2_a, 'answer')))
                        yield '\n'
                    l_2_a = missing
                l_1_item = missing
        else:
            pass
            yield 'No coach exercises in this period.\n'
    l_0_fb = (environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'feedback') if t_21(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'feedback')) else None)
    context.vars['fb'] = l_0_fb
    context.exported_vars.add('fb')
    if (undefined(name='fb') if l_0_fb is missing else l_0_fb):
        pass
        yield "\n## Others' view\n\nFeedback from "
        yield str(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'raters_total'))
        yield ' people ('
        l_1_loop = missing
        for l_1_g, l_1_loop in LoopContext(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'groups'), undefined):
            _loop_vars = {}
            pass
            yield str(environment.getattr(l_1_g, 'n'))
            yield ' '
            yield str(t_10(environment.getattr(l_1_g, 'group')))
            yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 264 in 'report.md.j2' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_g = missing
        yield '), collected '
        yield str(t_3(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'collected_on')))
        yield str((str_join(('; change since the round of ', t_3(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on')), )) if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on') else cond_expr_undefined("the inline if-expression on line 264 in 'report.md.j2' evaluated to false and no else section was defined.")))
        yield '.\n\n| Behaviour | You | Others (spread) | By group | Seen |'
        yield str((' Since last |' if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on') else cond_expr_undefined("the inline if-expression on line 266 in 'report.md.j2' evaluated to false and no else section was defined.")))
        yield '\n| --- | --- | --- | --- | --- |'
        yield str((' --- |' if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on') else cond_expr_undefined("the inline if-expression on line 267 in 'report.md.j2' evaluated to false and no else section was defined.")))
        yield '\n'
        l_1_loop = missing
        for l_1_b, l_1_loop in LoopContext(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), undefined):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_10(environment.getattr(l_1_b, 'title')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_b, 'self_level')))
            yield ' | '
            if (not t_22(environment.getattr(l_1_b, 'others_mean'))):
                pass
                yield str(t_13(environment.getattr(l_1_b, 'others_mean')))
                yield ' ('
                yield str(environment.getattr(l_1_b, 'others_min'))
                yield '-'
                yield str(environment.getattr(l_1_b, 'others_max'))
                yield ', '
                yield str(environment.getattr(l_1_b, 'others_n'))
                yield ')'
            else:
                pass
                yield 'too few answers'
            yield ' | '
            l_2_loop = missing
            t_27 = 1
            for l_2_g, l_2_loop in LoopContext(environment.getattr(l_1_b, 'by_group'), undefined):
                _loop_vars = {}
                pass
                yield str(t_10(environment.getattr(l_2_g, 'group')))
                yield ' '
                yield str(t_13(environment.getattr(l_2_g, 'mean')))
                yield str(('; ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 269 in 'report.md.j2' evaluated to false and no else section was defined.")))
                t_27 = 0
            l_2_loop = l_2_g = missing
            if t_27:
                pass
                yield '-'
            yield ' | '
            yield str(t_1(environment.getattr(l_1_b, 'verdict')))
            yield ' |'
            if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'previous_collected_on'):
                pass
                yield ' '
                yield str((t_13(environment.getattr(l_1_b, 'change'), sign=True) if (not t_22(environment.getattr(l_1_b, 'change'))) else '-'))
                yield ' |'
            yield '\n'
        l_1_loop = l_1_b = missing
        l_0_rated = (t_8(context.eval_ctx, t_16(context, environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), 'most_seen')) + t_8(context.eval_ctx, t_16(context, environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours'), 'look_fors_even')))
        context.vars['rated'] = l_0_rated
        context.exported_vars.add('rated')
        if (undefined(name='rated') if l_0_rated is missing else l_0_rated):
            pass
            yield '\nLook-fors others see most and least:\n\n'
            def t_28(fiter):
                for l_1_b in fiter:
                    if (environment.getattr(l_1_b, 'most_seen') or environment.getattr(l_1_b, 'look_fors_even')):
                        yield l_1_b
            for l_1_b in t_28(environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'behaviours')):
                _loop_vars = {}
                pass
                if environment.getattr(l_1_b, 'look_fors_even'):
                    pass
                    yield '- '
                    yield str(t_10(environment.getattr(l_1_b, 'title')))
                    yield ': none stands out, all seen as often.\n'
                elif environment.getattr(l_1_b, 'least_seen'):
                    pass
                    yield '- '
                    yield str(t_10(environment.getattr(l_1_b, 'title')))
                    yield ': most, *'
                    yield str(t_10(t_2(environment.getattr(l_1_b, 'most_seen'))))
                    yield '*; least, *'
                    yield str(t_10(environment.getattr(l_1_b, 'least_seen')))
                    yield '*\n'
                else:
                    pass
                    yield '- '
                    yield str(t_10(environment.getattr(l_1_b, 'title')))
                    yield ': most, *'
                    yield str(t_10(environment.getattr(l_1_b, 'most_seen')))
                    yield '*\n'
                yield '\n'
            l_1_b = missing
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'keep'):
            pass
            yield '\nKeep doing, in their words:\n\n'
            for l_1_c in environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'keep'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_11(l_1_c))
                yield '\n'
            l_1_c = missing
        if environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'change'):
            pass
            yield '\nDo more or less of:\n\n'
            for l_1_c in environment.getattr((undefined(name='fb') if l_0_fb is missing else l_0_fb), 'change'):
                _loop_vars = {}
                pass
                yield '- '
                yield str(t_11(l_1_c))
                yield '\n'
            l_1_c = missing
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'):
        pass
        yield '\n## Next week\n\nSuggested focus: **'
        yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'), 'title')))
        yield '**. '
        yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'suggested_next_focus'), 'reason')))
        yield '\n'
    yield '\n---\n\nRubric '
    yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'id')))
    yield ' '
    yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'version')))
    yield ' ('
    yield str(t_10(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'rubric'), 'title')))
    yield '). Made with belonging'
    yield str((str_join((' ', environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tool_version'), )) if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tool_version') else cond_expr_undefined("the inline if-expression on line 314 in 'report.md.j2' evaluated to false and no else section was defined.")))
    yield ' on '
    yield str(t_3(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'generated_at')))
    yield '.\n'

blocks = {}
debug_info = '4=170&5=173&6=176&7=179&10=183&11=186&13=193&15=195&19=198&20=202&24=206&25=208&26=211&28=213&30=216&32=218&36=221&37=225&43=249&44=251&45=255&48=259&51=262&52=266&54=285&56=289&62=299&65=302&68=304&69=306&71=312&72=331&73=334&74=345&78=348&79=352&82=359&83=362&84=377&85=380&89=383&90=387&93=397&96=400&97=403&99=406&101=410&102=413&103=416&105=424&106=426&108=430&110=435&113=439&114=442&117=445&119=449&121=454&125=457&126=460&130=463&131=466&132=469&134=478&135=481&137=483&138=485&139=488&141=491&146=496&147=500&150=514&151=517&152=520&156=523&157=527&160=530&164=533&165=537&169=540&170=543&174=546&175=548&177=550&179=552&180=554&184=557&186=559&188=561&191=564&194=566&198=569&199=574&200=576&201=580&202=585&206=591&207=594&210=597&211=599&213=603&215=605&216=609&220=616&222=620&225=632&227=636&231=646&232=648&236=652&237=655&241=661&242=665&244=676&245=679&249=682&250=685&251=689&259=706&260=709&264=712&266=727&267=729&268=732&269=736&272=778&273=781&277=784&278=791&279=794&280=796&281=799&283=808&288=814&292=817&293=821&296=824&300=827&301=831&305=834&309=837&314=842'
