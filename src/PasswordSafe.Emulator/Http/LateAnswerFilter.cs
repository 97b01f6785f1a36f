using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Holds back the answer of a call a <see cref="LateAnswer"/> rule names, after its endpoint ran (so the change is made):
/// the result is written only once the delay is over, or never when the client gives up first.
/// </summary>
internal sealed class LateAnswerFilter : IEndpointFilter
{
    private readonly EmulatorState _state;

    public LateAnswerFilter(EmulatorState state) => _state = state;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!_state.LateAnswers.IsEmpty
            && _state.LateAnswers.Find(http.Request.Method, ApiPaths.CallOf(http, _state.Clock.GetUtcNow()).Path) is { } rule)
        {
            try
            {
                await Task.Delay(rule.DelayMilliseconds, http.RequestAborted);
            }
            catch (TaskCanceledException)
            {
                // The client gave up: the change stands, the answer goes nowhere.
            }
        }
        return result;
    }
}
