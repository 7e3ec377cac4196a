from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .dashboard import dashboard_context


@login_required
def dashboard(request):
    return render(request, "dashboard.html", dashboard_context(request.user))
