using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Apps;

/// <summary>
/// What an exported app's generated lines call: <see cref="Start"/> first, <see cref="Cell"/> where each cell
/// begins, and <see cref="Result{T}"/> around a cell's last expression, which a notebook shows as the cell's value.
/// </summary>
public static class NotebookApp
{
    /// <summary>Set to 1, the app writes <see cref="CellMarker"/> before each cell's output, so a reader can split it by cell.</summary>
    public const string CellMarkersVariable = "COURSEKIT_CELL_MARKERS";

    private static ConsoleDisplay? _display;

    /// <summary>The display of this app; <see cref="Start"/> creates it.</summary>
    internal static ConsoleDisplay Display =>
        _display ?? throw new InvalidOperationException("NotebookApp.Start() must run before a cell displays anything.");

    /// <summary>Makes <c>display(x)</c> and <c>x.Display()</c> print, and charts go beside the app.</summary>
    public static void Start()
    {
        // As in the kit's worker: the course library's charts and DataFrames display even before a cell touches it.
        ValueDisplays.Include(typeof(CourseKit.Charting.Charts).Assembly);
        _display = new ConsoleDisplay(ChartFiles.BesideApp());
        DisplayExtensions.CurrentSink = _display;
    }

    /// <summary>Marks where notebook cell <paramref name="number"/> (counting every cell, as the notebook shows them) begins.</summary>
    public static void Cell(int number)
    {
        Display.Cell = number;
        if (Environment.GetEnvironmentVariable(CellMarkersVariable) == "1")
            Console.Out.Write(CellMarker(number));
    }

    /// <summary>The line that marks a cell's start when <see cref="CellMarkersVariable"/> is 1.</summary>
    public static string CellMarker(int number) => $"\u001e{number}\u001e\n";

    /// <summary>A cell's last expression that has a value: shown as the notebook shows it (nothing for null or an already displayed value).</summary>
    public static void Result<T>(Func<T> expression) => Show(expression());

    /// <summary>A cell's last expression that has no value (a call of a void method): only run.</summary>
    public static void Result(Action expression) => expression();

    /// <summary>As <see cref="Result{T}"/>, for an expression that awaits.</summary>
    public static async Task ResultAsync<T>(Func<Task<T>> expression) => Show(await expression());

    /// <summary>As <see cref="Result(Action)"/>, for an expression that awaits a task without a value.</summary>
    public static Task ResultAsync(Func<Task> expression) => expression();

    private static void Show(object? value)
    {
        if (value is null or DisplayedValue) return;
        Display.Display(value);
    }
}

/// <summary><c>display(x)</c>, as the Polyglot C# kernel and the kit's runner spell it; the app imports it with <c>using static</c>.</summary>
public static class NotebookGlobals
{
#pragma warning disable IDE1006 // the Polyglot kernel spells it in lower case
    public static DisplayedValue display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        NotebookApp.Display.Display(value);
        return new DisplayedValue(value);
    }
}
