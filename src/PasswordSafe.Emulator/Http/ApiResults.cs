using Microsoft.AspNetCore.Http;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>D1 bodies: a JSON string (a reason, or a 4-digit code for 403/409) with the status code.</summary>
internal static class ApiResults
{
    /// <summary>D2: a 401 never says why; the audit does.</summary>
    internal static IResult Unauthorized() => Message(StatusCodes.Status401Unauthorized, "Unauthorized");

    /// <summary>4031: the signed-in user lacks the permission.</summary>
    internal static IResult NoPermission() => Message(StatusCodes.Status403Forbidden, "4031");

    internal static IResult NotFound(string reason) => Message(StatusCodes.Status404NotFound, reason);

    internal static IResult BadRequest(string reason) => Message(StatusCodes.Status400BadRequest, reason);

    internal static IResult Message(int statusCode, string text) => Results.Json(text, ApiJson.Options, statusCode: statusCode);

    internal static IResult Json(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, statusCode: statusCode);
}
