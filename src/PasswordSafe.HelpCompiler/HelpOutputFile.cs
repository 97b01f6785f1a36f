using System.IO;
using System.Text;

namespace PasswordSafe.HelpCompiler;

/// <summary>Writes generated help only when it changed, so incremental builds leave timestamps alone.</summary>
internal static class HelpOutputFile
{
    // A BOM lets Windows PowerShell 5.1 read non-ASCII help text correctly.
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == content)
        {
            return false;
        }

        File.WriteAllText(path, content, Utf8WithBom);
        return true;
    }
}
