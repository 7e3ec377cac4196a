from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_shipped_questionnaires")]

    operations = [
        migrations.AddField(
            model_name="response",
            name="score",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(fields=["response", "question", "value"], name="feedback_an_respons_df996a_idx"),
        ),
    ]
