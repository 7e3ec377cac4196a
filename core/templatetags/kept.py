"""{% kept "name" value ... %}...{% endkept %}: the block rendered once per process for each language, set of URLs and
combination of the values named (core/kept.py).

For markup that depends on nothing else: fixed text, translated text, links reversed without per-request values.
Everything else the block shows must be among the values, or one person's page would show another's.
"""

from django import template
from django.utils.safestring import mark_safe

from core.kept import Kept, language_and_urls

register = template.Library()

# A fragment is a few hundred bytes to a few KB; keys are short.
fragments = Kept(max_entries=2000)


class KeptNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        key = (self.name, language_and_urls(), *(value.resolve(context) for value in self.values))
        return mark_safe(fragments.get(key, lambda: self.nodelist.render(context)))  # noqa: S308 - the engine's output


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name, then the values the block depends on")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
