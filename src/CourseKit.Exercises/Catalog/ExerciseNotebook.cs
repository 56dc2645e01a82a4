namespace CourseKit.Exercises.Catalog;

/// <summary>One exercise notebook of the course: its file name and its exercises in order.</summary>
public sealed record ExerciseNotebook(string FileName, string Lesson, IReadOnlyList<string> ExerciseIds);
