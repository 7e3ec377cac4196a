"""The authenticator's set-up link (otpauth://) as a QR code: a PNG data URI, drawn here (no outside service)."""

import base64
import io

import qrcode


def qr_data_uri(data: str) -> str:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
