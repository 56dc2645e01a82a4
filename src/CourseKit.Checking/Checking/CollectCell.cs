using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Exercises.Model;

namespace CourseKit.Checking.Checking;

/// <summary>
/// The cell the checker appends after the learner's cells (never part of their file): it prints the answers
/// recorded by the check cells as one data line, calling function answers on the public and extra inputs.
/// </summary>
public static class CollectCell
{
    public static string Source(string nonce, IEnumerable<string> exerciseIds, InstructorChecks instructor)
    {
        var probes = new JsonObject();
        foreach (var id in exerciseIds)
        {
            var extra = instructor.ProbesFor(id);
            if (extra.Count > 0) probes[id] = new JsonArray(extra.Select(p => p.DeepClone()).ToArray());
        }
        return "#r \"nuget: CourseKit.Exercises, 1.0.0\"\n" +
               $"CourseKit.Exercises.InNotebook.AnswerBook.Collect({JsonSerializer.Serialize(nonce)}, {JsonSerializer.Serialize(probes.ToJsonString())});\n";
    }
}
