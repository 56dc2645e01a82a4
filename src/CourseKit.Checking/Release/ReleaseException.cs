namespace CourseKit.Checking.Release;

/// <summary>Bad instructor input, named by file and cell, e.g. "01-….ipynb, cell 7: …".</summary>
public sealed class ReleaseException(string file, int? cell, string problem)
    : Exception(cell is null ? $"{Path.GetFileName(file)}: {problem}" : $"{Path.GetFileName(file)}, cell {cell}: {problem}");
