using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Checking.NotebookChecks;

/// <summary>
/// The evaluation the checker runs after the learner's cells (never part of their file): its value is the answer
/// sheet recorded by the check cells, as JSON, with function answers called on the public and extra inputs.
/// </summary>
public static class CollectCell
{
    public static Evaluation Evaluation(IEnumerable<string> exerciseIds, InstructorChecks instructor)
    {
        var probes = new JsonObject();
        foreach (var id in exerciseIds)
        {
            var extra = instructor.ProbesFor(id);
            if (extra.Count > 0) probes[id] = new JsonArray(extra.Select(p => p.DeepClone()).ToArray());
        }
        return new Evaluation("answers",
            "#r \"nuget: CourseKit.Exercises, 1.0.0\"\n" +
            $"CourseKit.Exercises.InNotebook.RecordedAnswers.Capture({JsonSerializer.Serialize(probes.ToJsonString())})\n");
    }
}
