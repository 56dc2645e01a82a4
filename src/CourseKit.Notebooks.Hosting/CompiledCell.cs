namespace CourseKit.Notebooks.Execution;

/// <summary>
/// One cell compiled by the runner, ready for the worker to load and run: the worker never compiles, so it needs
/// no compiler and starts fast. <paramref name="Assembly"/> is null when the cell holds only directives.
/// </summary>
/// <param name="EntryType">The script class whose static <paramref name="EntryMethod"/> runs the cell.</param>
/// <param name="ShowsResult">The cell ends in an expression without a semicolon, whose value is shown.</param>
/// <param name="LoadPaths">Assemblies named by <c>#r "path"</c> that the worker loads before running the cell.</param>
public sealed record CompiledCell(
    int Number,
    byte[]? Assembly,
    byte[]? Symbols,
    string EntryType,
    string EntryMethod,
    bool ShowsResult,
    IReadOnlyList<string> LoadPaths);
