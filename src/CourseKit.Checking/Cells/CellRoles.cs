using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Cells;

/// <summary>
/// What a cell is for in an exercise notebook, from its metadata
/// <c>"coursekit": {"exercise": "L1.E3", "role": "solution"}</c>.
/// </summary>
public static class CellRoles
{
    public const string Key = "coursekit";
    public const string Setup = "setup";
    public const string Prompt = "prompt";
    public const string Solution = "solution";
    public const string Answer = "answer";
    public const string Check = "check";

    /// <summary>Instructor notes: dropped from the student edition.</summary>
    public const string Instructor = "instructor";

    public static string? RoleOf(NotebookCell cell) => (string?)cell.Metadata[Key]?["role"];

    public static string? ExerciseOf(NotebookCell cell) => (string?)cell.Metadata[Key]?["exercise"];

    public static void Set(NotebookCell cell, string role, string? exercise)
    {
        var tag = new JsonObject();
        if (exercise is not null) tag["exercise"] = exercise;
        tag["role"] = role;
        cell.Metadata[Key] = tag;
    }
}
