"""The API's endpoints: thin views over the selectors the pages use (access decided there, 404 for what a caller
may not see), the register's own query (api/register.py) and the import's writes (api/writes.py)."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, pagination, status, throttling
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import School
from accounts.people.selectors import SCHOOL, editable_companies, org_for_manager, people_of
from accounts.selectors import schools_for
from core import ratelimit
from placements.imports.outcomes import kvk_number, student_number
from placements.learners.selectors import learner_records_for
from placements.selectors import (
    placement_for_user,
    placements_visible_to,
    schools_managing_learners,
    schools_seeing_learners,
)
from registry.certificates.selectors import certificate_by_code
from registry.selectors import can_search_register

from . import serializers as s
from .problems import CONTENT_TYPE
from .register import register_slice
from .writes import company_upsert, learner_upsert

# Every error is a problem document (api/problems.py), declared with its media type for the contract tests.
ERRORS = {(code, CONTENT_TYPE): s.ProblemSerializer for code in (400, 401, 403, 404, 405, 429)}


class Cursor(pagination.CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "pk"

    def get_paginated_response_schema(self, schema):
        # DRF writes OpenAPI 3.0's `nullable`, which 3.1 does not know: a null link is a type of its own there.
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }


class VerifyRate(throttling.BaseThrottle):
    """The verification page's limit (core/ratelimit.py, RATE_LIMITS["verify"]), shared with the page."""

    def allow_request(self, request, view):
        limit, window = settings.RATE_LIMITS["verify"]
        self.retry_after = ratelimit.hit("verify", ratelimit.client_ip(request), limit=limit, window=window)
        return self.retry_after is None

    def wait(self):
        return self.retry_after


@extend_schema(tags=["certificates"], auth=[], responses={200: s.VerificationSerializer, **ERRORS})
class VerifyView(APIView):
    """Check a certificate by the code of its verification link (the QR code): public, rate limited."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [VerifyRate]

    def get(self, request, code):
        certificate = certificate_by_code(code)
        if certificate is None:
            raise Http404
        response = Response(s.VerificationSerializer(certificate).data)
        response["Cache-Control"] = "no-store"
        return response


REGISTER_FILTERS = [
    OpenApiParameter("q", str, description="Words in the number, holder, company or city (all must match)."),
    OpenApiParameter("company", str),
    OpenApiParameter("city", str),
    OpenApiParameter("country", str, description="ISO 3166 code of the company's country."),
    OpenApiParameter("sector", str),
    OpenApiParameter("school", int, description="A school id (for someone who works at several)."),
    OpenApiParameter("status", str, enum=s.STATES),
    OpenApiParameter("issued_from", OpenApiTypes.DATE),
    OpenApiParameter("issued_to", OpenApiTypes.DATE),
    OpenApiParameter("valid_from", OpenApiTypes.DATE),
    OpenApiParameter("valid_to", OpenApiTypes.DATE),
    OpenApiParameter("cursor", str, description="The `next` link's cursor."),
    OpenApiParameter("page_size", int, description="1 to 100 (25)."),
]


@extend_schema(tags=["register"], parameters=REGISTER_FILTERS, responses={200: s.RegisterPageSerializer, **ERRORS})
class RegisterView(APIView):
    """The register of certified work mentors with the register page's filters, newest first."""

    def get(self, request):
        if not can_search_register(request.user):
            raise PermissionDenied(_("The register is for the school's teachers and coordinators."))
        found = register_slice(request.user, request.query_params)
        next_url = None
        if found.next_cursor:
            query = request.query_params.copy()
            query["cursor"] = found.next_cursor
            next_url = request.build_absolute_uri(request.path + "?" + query.urlencode())
        return Response({"next": next_url, "results": s.register_entries(found.rows, timezone.localdate())})


@extend_schema(tags=["placements"], responses={200: s.PlacementSerializer(many=True), **ERRORS})
class PlacementList(generics.ListAPIView):
    """Placements the caller may see, with their status and health."""

    serializer_class = s.PlacementSerializer
    pagination_class = Cursor

    def get_queryset(self):
        return placements_visible_to(self.request.user).with_people().select_related("health")


@extend_schema(tags=["placements"], responses={200: s.PlacementSerializer, **ERRORS})
class PlacementDetail(APIView):
    def get(self, request, pk):
        placement = placement_for_user(request.user, pk)
        return Response(s.PlacementSerializer(placement).data)


@extend_schema(tags=["people"], responses={200: s.SchoolSerializer(many=True), **ERRORS})
class SchoolList(generics.ListAPIView):
    """The schools the caller works at (a token: its school)."""

    serializer_class = s.SchoolSerializer
    pagination_class = None

    def get_queryset(self):
        return schools_for(self.request.user).order_by("name", "pk")


@extend_schema(tags=["people"], responses={200: s.PersonSerializer(many=True), **ERRORS})
class PeopleList(generics.ListAPIView):
    """Everyone who has or had a role at the school (for its coordinators, as the people page)."""

    serializer_class = s.PersonSerializer
    pagination_class = Cursor

    def get_queryset(self):
        return people_of(org_for_manager(self.request.user, SCHOOL, self.kwargs["school_id"]))


def _school_seen(user, school_id: int) -> None:
    seeing = schools_seeing_learners(user)
    if seeing is not None and school_id not in seeing:
        raise Http404


def _school_managed(user, school_id: int) -> School:
    """The school whose learners and companies `user` writes: 404 for outsiders, 403 for its teachers."""
    _school_seen(user, school_id)
    managing = schools_managing_learners(user)
    if managing is not None and school_id not in managing:
        raise PermissionDenied(_("Only the school's coordinators add and change its learners and companies."))
    school = School.objects.filter(pk=school_id).first()
    if school is None:
        raise Http404
    return school


def _learner_answer(record, created: bool) -> Response:
    code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return Response(s.LearnerSerializer(record).data, status=code)


@extend_schema(tags=["people"])
class LearnerList(generics.ListAPIView):
    """The school's learners (its teachers and coordinators); POST creates or updates by student number."""

    serializer_class = s.LearnerSerializer
    pagination_class = Cursor

    def get_queryset(self):
        _school_seen(self.request.user, self.kwargs["school_id"])
        return learner_records_for(self.request.user).filter(school_id=self.kwargs["school_id"])

    @extend_schema(responses={200: s.LearnerSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.LearnerCreateSerializer, responses={200: s.LearnerSerializer, 201: s.LearnerSerializer, **ERRORS}
    )
    def post(self, request, school_id):
        school = _school_managed(request.user, school_id)
        data = _valid(s.LearnerCreateSerializer, request.data)
        return _learner_answer(
            *learner_upsert(school=school, by=request.user, number=data["student_number"], data=data)
        )


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema(tags=["people"])
class LearnerDetail(APIView):
    @extend_schema(responses={200: s.LearnerSerializer, **ERRORS})
    def get(self, request, school_id, number):
        _school_seen(request.user, school_id)
        record = learner_records_for(request.user).filter(school_id=school_id, student_number=student_number(number))
        record = record.first()
        if record is None:
            raise Http404
        return Response(s.LearnerSerializer(record).data)

    @extend_schema(
        request=s.LearnerSerializer, responses={200: s.LearnerSerializer, 201: s.LearnerSerializer, **ERRORS}
    )
    def put(self, request, school_id, number):
        school = _school_managed(request.user, school_id)
        data = _valid(s.LearnerSerializer, request.data)
        return _learner_answer(*learner_upsert(school=school, by=request.user, number=number, data=data))


def _writing_school(request):
    """The school a company is added for: the caller's one school as coordinator, or ?school= among several."""
    managing = schools_managing_learners(request.user)
    wanted = request.query_params.get("school")
    if wanted is not None:
        try:
            wanted = int(wanted)
        except ValueError:
            raise ValidationError({"school": [_("A school id.")]}) from None
        return _school_managed(request.user, wanted)
    if managing is not None and len(managing) == 1:
        return _school_managed(request.user, next(iter(managing)))
    if managing is not None and not managing:
        raise PermissionDenied(_("Only a school's coordinators add and change companies through the API."))
    raise ValidationError({"school": [_("Say for which school: ?school=<id>.")]})


def _company_answer(company, created: bool) -> Response:
    code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return Response(s.CompanySerializer(company).data, status=code)


SCHOOL_PARAMETER = OpenApiParameter("school", int, description="For a coordinator of several schools.")


@extend_schema(tags=["companies"])
class CompanyList(generics.ListAPIView):
    """The companies the caller edits (a school: those hosting its learners or added by it); POST creates or
    fills in by KvK number."""

    serializer_class = s.CompanySerializer
    pagination_class = Cursor

    def get_queryset(self):
        return editable_companies(self.request.user)

    @extend_schema(responses={200: s.CompanySerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        parameters=[SCHOOL_PARAMETER],
        request=s.CompanyCreateSerializer,
        responses={200: s.CompanySerializer, 201: s.CompanySerializer, **ERRORS},
    )
    def post(self, request):
        school = _writing_school(request)
        data = _valid(s.CompanyCreateSerializer, request.data)
        return _company_answer(
            *company_upsert(school=school, by=request.user, kvk=data["registration_number"], data=data)
        )


@extend_schema(tags=["companies"])
class CompanyDetail(APIView):
    @extend_schema(responses={200: s.CompanySerializer, **ERRORS})
    def get(self, request, kvk):
        company = editable_companies(request.user).filter(registration_number=kvk_number(kvk)).order_by("pk").first()
        if company is None:
            raise Http404
        return Response(s.CompanySerializer(company).data)

    @extend_schema(
        parameters=[SCHOOL_PARAMETER],
        request=s.CompanySerializer,
        responses={200: s.CompanySerializer, 201: s.CompanySerializer, **ERRORS},
    )
    def put(self, request, kvk):
        school = _writing_school(request)
        data = _valid(s.CompanySerializer, request.data)
        return _company_answer(*company_upsert(school=school, by=request.user, kvk=kvk, data=data))
