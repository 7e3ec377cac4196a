"""{% kept "name" value ... %}...{% endkept %}: the block rendered once per process for each language, set of URLs and
combination of the values named (core/kept.py).

For markup that depends on nothing else: fixed text, translated text, links reversed without per-request values.
Everything else the block shows must be among the values, or one person's page would show another's.

{% kept_per_search "name" value ... %}...{% endkept_per_search %} is the same for markup that depends on what someone
searched for (a search form as it was filled in): kept in a store of its own, so that many different searches clear
only each other, not the markup every page shares.
"""

from django import template
from django.utils.safestring import mark_safe

from core.kept import Kept, language_and_urls

register = template.Library()

# A fragment is a few hundred bytes to a few KB; keys are short.
fragments = Kept(max_entries=2000)
# A search form as filled in is about 5 KB: at most about 2.5 MB per process.
searches = Kept(max_entries=500)


class KeptNode(template.Node):
    def __init__(self, store, name, values, nodelist):
        self.store, self.name, self.values, self.nodelist = store, name, values, nodelist

    def render(self, context):
        key = (self.name, language_and_urls(), *(value.resolve(context) for value in self.values))
        return mark_safe(self.store.get(key, lambda: self.nodelist.render(context)))  # noqa: S308 - the engine's output


def _kept_node(parser, token, store):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name, then the values the block depends on")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return KeptNode(store, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.tag
def kept(parser, token):
    return _kept_node(parser, token, fragments)


@register.tag
def kept_per_search(parser, token):
    return _kept_node(parser, token, searches)
