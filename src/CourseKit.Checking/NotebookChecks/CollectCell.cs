using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Exercises.InNotebook;
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
        var capture = typeof(RecordedAnswers);
        var argument = probes.ToJsonString();
        // Called, not compiled: the grader saves a compilation and an assembly load per notebook.
        return new Evaluation("answers",
            $"#r \"nuget: CourseKit.Exercises, 1.0.0\"\n{capture.FullName}.{nameof(RecordedAnswers.Capture)}({JsonSerializer.Serialize(argument)})\n")
        {
            Call = new CallMethod(capture.Assembly.GetName().Name!, capture.FullName!, nameof(RecordedAnswers.Capture), argument),
        };
    }
}
