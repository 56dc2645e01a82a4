using System.IO.Compression;
using CourseKit.Grading.Submissions;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

public sealed class SafeZipTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Submission Zip(string id, params string[] entries)
    {
        var path = _temp.PathOf(id + ".zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
                writer.Write("{}");
            }
        }
        return new Submission(id, path, IsZip: true);
    }

    [Fact]
    public void A_zip_of_the_student_folder_unpacks_to_the_folder_holding_the_notebooks()
    {
        using var unpacked = SafeZip.Unpack(Zip("ada", "ada/01-AIGC-Frontier-Trends-Exercises.ipynb"));
        Assert.Null(unpacked.Problem);
        Assert.True(File.Exists(Path.Combine(unpacked.Folder!, "01-AIGC-Frontier-Trends-Exercises.ipynb")));
    }

    [Theory]
    [InlineData("/etc/evil.ipynb", "unsafe path '/etc/evil.ipynb'")]
    [InlineData("a/../../evil.ipynb", "unsafe path 'a/../../evil.ipynb'")]
    public void Unsafe_paths_are_refused(string entry, string problem)
    {
        using var unpacked = SafeZip.Unpack(Zip("eve", entry));
        Assert.Null(unpacked.Folder);
        Assert.Contains(problem, unpacked.Problem);
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        using var unpacked = SafeZip.Unpack(Zip("many", Enumerable.Range(0, SafeZip.MaxEntries + 1).Select(i => $"f{i}.txt").ToArray()));
        Assert.Equal($"many.zip has {SafeZip.MaxEntries + 1} entries; at most {SafeZip.MaxEntries} are accepted.", unpacked.Problem);
    }

    [Fact]
    public void The_temporary_folder_is_removed_on_dispose()
    {
        var unpacked = SafeZip.Unpack(Zip("tidy", "01.ipynb"));
        var folder = unpacked.Folder!;
        unpacked.Dispose();
        Assert.False(Directory.Exists(folder));
    }
}
