using System.IO;
using System.Management.Automation;
using System.Text;

namespace PasswordSafe.Commands;

/// <summary>The file session types (rdpfile, appfile; api-v3 §5.1) answer with the file itself, saved to -OutFile.</summary>
internal static class SessionFileWriter
{
    public static bool IsFileType(string? sessionType) =>
        string.Equals(sessionType, "rdpfile", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(sessionType, "appfile", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolves a PowerShell path (relative to the current location, ~ allowed) and writes the file without a BOM.</summary>
    public static string Save(PSCmdlet cmdlet, string outFile, string content)
    {
        var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outFile);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
