"""The OpenAPI document is valid OpenAPI 3.1 and the documentation page serves its assets from the app."""

import re

from django.test import Client
from openapi_spec_validator import validate


def test_the_openapi_document_is_valid_openapi_3_1(db):
    response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    validate(document)  # raises on an invalid document
    paths = document["paths"]
    for path in (
        "/api/v1/register/",
        "/api/v1/placements/",
        "/api/v1/certificates/verify/{code}/",
        "/api/v1/schools/{school_id}/learners/{number}/",
        "/api/v1/companies/{kvk}/",
    ):
        assert path in paths
    assert "security" not in paths["/api/v1/certificates/verify/{code}/"]["get"]  # public: no authentication
    assert document["components"]["securitySchemes"]["schoolToken"]["scheme"] == "bearer"


def test_the_documentation_page_loads_everything_from_the_app(db):
    client = Client()
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<script>" not in html  # the start-up script is a URL of its own, allowed by the security policy
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert "'unsafe-inline'" not in page["Content-Security-Policy"].split("script-src")[1].split(";")[0]
