from . import urls_certificates, urls_courses, urls_register

urlpatterns = [*urls_courses.urlpatterns, *urls_certificates.urlpatterns, *urls_register.urlpatterns]
