using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>One transform of an instructor notebook on its way to the student edition.</summary>
public interface IReleaseStep
{
    /// <param name="file">The source file, for error messages.</param>
    void Apply(Notebook notebook, string file);
}
