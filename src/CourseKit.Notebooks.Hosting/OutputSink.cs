using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: Console text becomes stream outputs,
/// interleaved with displayed values. Console output beyond a cap is cut with a note, so a cell
/// that prints without end cannot flood the notebook.
/// </summary>
public sealed class OutputSink(System.Runtime.Loader.AssemblyLoadContext? notebook = null) : CourseKit.Notebooks.Runtime.IDisplaySink
{
    public const int MaxStreamChars = 1_000_000;

    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private int _streamChars;
    private bool _truncated;
    private bool _heldTail;

    public ValueFormatter Formatter { get; } = new(notebook);

    public TextWriter StandardOutput => new SinkWriter(this, _stdout);
    public TextWriter StandardError => new SinkWriter(this, _stderr);

    public void Display(object? value, bool isResult)
    {
        lock (_gate)
        {
            FlushStreams();
            _outputs.Add(new CellOutput.Display(Formatter.Format(value), isResult));
        }
    }

    void CourseKit.Notebooks.Runtime.IDisplaySink.Display(object? value) => Display(value, isResult: false);

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            FlushStreams();
            _outputs.Add(output);
        }
    }

    /// <summary>Returns the cell's outputs and starts a new cell.</summary>
    public IReadOnlyList<CellOutput> TakeAll()
    {
        lock (_gate)
        {
            FlushStreams();
            var outputs = _outputs.ToList();
            _outputs.Clear();
            _streamChars = 0;
            _truncated = false;
            _heldTail = false;
            return outputs;
        }
    }

    /// <summary>
    /// Removes and returns the Console text after the last line end, not yet taken as an output: what a cell wrote just
    /// before it reads a line (<c>Console.Write("Name: ")</c>), which a front end shows as the question's prompt.
    /// </summary>
    public string TakeUnfinishedLine()
    {
        lock (_gate)
        {
            var text = _stdout.ToString();
            var start = text.LastIndexOf('\n') + 1;
            _stdout.Remove(start, text.Length - start);
            return text[start..];
        }
    }

    /// <summary>
    /// Returns the outputs so far of a cell that still runs; its Console cap goes on counting. An unfinished last line
    /// of Console output is held back for one call, so that a prompt written just before <c>Console.ReadLine()</c>
    /// stays here for <see cref="TakeUnfinishedLine"/>; at the next call, whatever is unfinished then goes out.
    /// </summary>
    public IReadOnlyList<CellOutput> TakeSoFar()
    {
        lock (_gate)
        {
            var text = _stdout.ToString();
            var tail = text[(text.LastIndexOf('\n') + 1)..];
            if (tail.Length > 0 && !_heldTail)
            {
                _stdout.Remove(text.Length - tail.Length, tail.Length);
                FlushStreams();
                _stdout.Append(tail);
                _heldTail = true;
            }
            else
            {
                FlushStreams();
                _heldTail = false;
            }
            var outputs = _outputs.ToList();
            _outputs.Clear();
            return outputs;
        }
    }

    private void Append(StringBuilder buffer, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (_gate)
        {
            if (_truncated) return;
            var room = MaxStreamChars - _streamChars;
            if (text.Length > room)
            {
                buffer.Append(text.AsSpan(0, room));
                buffer.Append($"\n[output cut: this cell printed more than {MaxStreamChars:N0} characters]\n");
                _truncated = true;
                _streamChars = MaxStreamChars;
                return;
            }
            buffer.Append(text);
            _streamChars += text.Length;
        }
    }

    private void FlushStreams()
    {
        Flush("stdout", _stdout);
        Flush("stderr", _stderr);
    }

    private void Flush(string name, StringBuilder buffer)
    {
        if (buffer.Length == 0) return;
        _outputs.Add(new CellOutput.Stream(name, buffer.ToString()));
        buffer.Clear();
    }

    private sealed class SinkWriter(OutputSink sink, StringBuilder buffer) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => sink.Append(buffer, value.ToString());
        public override void Write(string? value) => sink.Append(buffer, value);
        public override void Write(char[] buffer1, int index, int count) => sink.Append(buffer, new string(buffer1, index, count));
    }
}
