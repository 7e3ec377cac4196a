"""A baked badge: a PNG picture of the certificate with the signed credential inside (OB 3.0 §5.3, baking).

The credential goes into an iTXt chunk with the keyword `openbadgecredential`, uncompressed, without language
tag or translated keyword; its text is the compact VC-JWT.
"""

import io

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

KEYWORD = "openbadgecredential"
SIZE = 400
DEFAULT_COLOUR = "#17496b"


def _colour(value: str) -> str:
    ok = isinstance(value, str) and len(value) == 7 and value[0] == "#"
    return value if ok and all(c in "0123456789abcdefABCDEF" for c in value[1:]) else DEFAULT_COLOUR


def _centred(draw: ImageDraw.ImageDraw, y: int, text: str, size: int) -> None:
    font = ImageFont.load_default(size=size)
    text = text if len(text) <= 34 else text[:33] + "…"
    width = draw.textlength(text, font=font)
    draw.text(((SIZE - width) / 2, y), text, fill="white", font=font)


def badge_png(*, token: str, title: str, school: str, number: str, colour: str) -> bytes:
    image = Image.new("RGB", (SIZE, SIZE), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, SIZE - 10, SIZE - 10), fill=_colour(colour))
    draw.ellipse((30, 30, SIZE - 30, SIZE - 30), outline="white", width=4)
    _centred(draw, 130, title, 26)
    _centred(draw, 185, number, 22)
    _centred(draw, 235, school, 16)
    info = PngInfo()
    info.add_itxt(KEYWORD, token, lang="", tkey="", zip=False)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()
