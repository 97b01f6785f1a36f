using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// Serializer settings of the emulated API: names exactly as declared (api-v3.md casing is not uniform, so no
/// naming policy), enums as text; reading is case-insensitive like the real server (§0).
/// </summary>
internal static class ApiJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
