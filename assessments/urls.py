from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("quiz-attempts/<int:pk>/", views.result, name="result"),
    path("quiz-attempts/<int:pk>/submit/", views.submit, name="submit"),
]
