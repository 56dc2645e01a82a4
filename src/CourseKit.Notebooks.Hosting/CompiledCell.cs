namespace CourseKit.Notebooks.Execution;

/// <summary>
/// One cell compiled by the runner, ready for the worker to load and run: the worker never compiles, so it needs
/// no compiler and starts fast. <paramref name="Assembly"/> is null when the cell holds only directives.
/// </summary>
/// <param name="EntryType">The script class whose static <paramref name="EntryMethod"/> runs the cell.</param>
/// <param name="ShowsResult">The cell ends in an expression without a semicolon, whose value is shown.</param>
/// <param name="LoadPaths">Assemblies named by <c>#r "path"</c> that the worker loads before running the cell.</param>
/// <param name="Group">
/// When the assembly holds several cells (a cell group, see <c>CellGroups</c>): their numbers in order, the first being
/// <paramref name="Number"/>. The worker runs the group up to the end of each cell in turn (<c>ContinueCell</c>), and
/// <paramref name="ShowsResult"/> is the last cell's.
/// </param>
public sealed record CompiledCell(
    int Number,
    byte[]? Assembly,
    byte[]? Symbols,
    string EntryType,
    string EntryMethod,
    bool ShowsResult,
    IReadOnlyList<string> LoadPaths,
    IReadOnlyList<int>? Group = null);
