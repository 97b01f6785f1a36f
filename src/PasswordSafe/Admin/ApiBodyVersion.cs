using System;
using System.Globalization;

namespace PasswordSafe.Admin;

/// <summary>The body-model version of the <c>?version=</c> query (api-v3 §0): 3.0 unless a field needs a later one.</summary>
internal static class ApiBodyVersion
{
    public static readonly Version Default = new Version(3, 0);

    public static string Format(Version version) =>
        version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

    public static string AppendTo(string relativePath, Version version) =>
        relativePath + (relativePath.IndexOf('?') >= 0 ? "&" : "?") + "version=" + Format(version);
}
