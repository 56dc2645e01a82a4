using System.Text;
using CourseKit.Notebooks.Execution;

// Requests arrive on stdin and answers leave on stdout, one JSON document a line (CompilerProtocol).
var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
return CompilerServer.Run(input, output);
