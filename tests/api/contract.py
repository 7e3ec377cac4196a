"""The contract check: a response of the running app (Django's test client) against the OpenAPI document."""

import functools
import json

from django.test import Client
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse


@functools.cache
def openapi() -> OpenAPI:
    response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    # Problem documents are JSON under their own media type (RFC 9457).
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(response.json(), config=config)


def check(response):
    """Validate the request and response against the document (raises what does not match); the response back."""
    request = DjangoOpenAPIRequest(response.wsgi_request)
    openapi().validate_response(request, DjangoOpenAPIResponse(response))
    return response
