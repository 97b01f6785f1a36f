using System;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>B3: the current and the legacy base path; both serve the same API.</summary>
internal static class ApiPaths
{
    internal const string Current = "/BeyondTrust/api/public/v3";
    internal const string Legacy = "/eEye.RetinaCS.Server/api/public/v3";
    internal const string Control = "/emulator";

    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments(Current, StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(Legacy, StringComparison.OrdinalIgnoreCase);
}
