from .badges import SchoolSigningKey
from .certificates import (
    BulkIssueItem,
    BulkIssueJob,
    Certificate,
    CertificateNumberSequence,
    ExpiryReminder,
    PersonalDataErasure,
)
from .courses import Assignment, Attendance, Course, CourseSession, Enrolment, Evaluation, Submission
from .designs import CertificateDesign
from .employers import EmployerInvitation, QualificationNomination
from .merges import CompanyMerge
from .settings import MentorEligibility, RegistrySettings

__all__ = [
    "Assignment",
    "Attendance",
    "BulkIssueItem",
    "BulkIssueJob",
    "Certificate",
    "CertificateDesign",
    "CertificateNumberSequence",
    "CompanyMerge",
    "Course",
    "CourseSession",
    "Enrolment",
    "EmployerInvitation",
    "Evaluation",
    "ExpiryReminder",
    "MentorEligibility",
    "PersonalDataErasure",
    "QualificationNomination",
    "RegistrySettings",
    "SchoolSigningKey",
    "Submission",
]
