using TorchSharp;
using static TorchSharp.torch;
using TorchParameter = TorchSharp.Modules.Parameter;

namespace NnViz.Torch;

/// <summary>
/// torch.optim's SGD (momentum, Nesterov), Adam and RMSprop steps for the torch engine: the libtorch calls of
/// TorchSharp 0.107's optimizers (read from its assembly) in the same order with the same arguments, so the same bits,
/// but with every Scalar held for the whole call. TorchSharp's own steps pass temporary Scalars (`mul_(beta1)`,
/// `add_(grad, 1 - beta1)`) by raw handle, and with another thread collecting they failed 1 in 1,200-2,400 steps
/// (Adam, RMSprop; <see cref="TorchOps"/>). Hyper-parameters are Keras's, as <see cref="OptimizerSettings"/> gives
/// them: no weight decay, no dampening, RMSprop without momentum and not centred.
/// </summary>
public sealed class TorchOptimizer : IDisposable
{
    private readonly OptimizerSettings _settings;
    private readonly TorchParameter[] _parameters;
    private readonly Tensor?[] _first, _second; // SGD: momentum buffer; Adam: exp_avg, exp_avg_sq; RMSprop: -, square_avg
    private readonly Scalar _one, _momentum, _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _rho, _oneMinusRho, _eps, _minusLr;
    private readonly long[] _steps; // per parameter, counted when it has a gradient (as TorchSharp's state.step)

    public TorchOptimizer(IEnumerable<TorchParameter> parameters, OptimizerSettings settings)
    {
        if (settings.Kind is not ("sgd" or "adam" or "rmsprop"))
            throw new ArgumentException($"unknown optimizer '{settings.Kind}' (expected sgd, adam or rmsprop)");
        _settings = settings;
        _parameters = parameters.ToArray();
        _first = new Tensor?[_parameters.Length];
        _second = new Tensor?[_parameters.Length];
        _steps = new long[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (settings.Kind == "adam") _first[i] = zeros_like(_parameters[i]).DetachFromDisposeScope();
            if (settings.Kind is "adam" or "rmsprop") _second[i] = zeros_like(_parameters[i]).DetachFromDisposeScope();
        }
        _one = 1.0.ToScalar();
        _momentum = settings.Momentum.ToScalar();
        _beta1 = settings.Beta1.ToScalar(); _oneMinusBeta1 = (1.0 - settings.Beta1).ToScalar();
        _beta2 = settings.Beta2.ToScalar(); _oneMinusBeta2 = (1.0 - settings.Beta2).ToScalar();
        _rho = settings.Rho.ToScalar(); _oneMinusRho = (1.0 - settings.Rho).ToScalar();
        _eps = settings.Epsilon.ToScalar();
        _minusLr = (0.0 - settings.LearningRate).ToScalar();
    }

    /// <summary>Zeroes every parameter's gradient (torch.optim's zero_grad: in place, the tensors kept).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using var grad = p.grad;
            grad?.zero_();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var grad = p.grad;
            if (grad is null) continue;
            long step = ++_steps[i];
            switch (_settings.Kind)
            {
                case "sgd":
                    if (_settings.Momentum != 0)
                    {
                        if (_first[i] is not { } buffer) _first[i] = buffer = grad.clone().detach().DetachFromDisposeScope();
                        else buffer.mul_(_momentum).add_(grad, _one); // dampening 0: alpha 1 - 0
                        grad = _settings.Nesterov ? grad.add(buffer, _momentum) : buffer;
                    }
                    p.add_(grad, _minusLr);
                    break;
                case "adam":
                    // The bias corrections as TorchSharp computes them (doubles), each Scalar held for its call.
                    double bc1 = 1.0 - Math.Pow(_settings.Beta1, step), bc2 = 1.0 - Math.Pow(_settings.Beta2, step);
                    using (var sqrtBc2 = Math.Sqrt(bc2).ToScalar())
                    using (var minusStepSize = (0.0 - _settings.LearningRate / bc1).ToScalar())
                    {
                        _first[i]!.mul_(_beta1).add_(grad, _oneMinusBeta1);
                        _second[i]!.mul_(_beta2).addcmul_(grad, grad.conj(), _oneMinusBeta2);
                        var denom = _second[i]!.sqrt().div(sqrtBc2).add_(_eps, TorchOps.One); // add_(Scalar) alone passes a temporary alpha of 1
                        p.addcdiv_(_first[i]!, denom, minusStepSize);
                    }
                    break;
                default: // rmsprop
                    _second[i]!.mul_(_rho).addcmul_(grad, grad, _oneMinusRho);
                    var root = _second[i]!.sqrt().add_(_eps, TorchOps.One); // add_(Scalar) alone passes a temporary alpha of 1
                    p.addcdiv_(grad, root, _minusLr);
                    break;
            }
        }
        GC.KeepAlive(this); // the Scalars above are fields: this object stays reachable until every call has returned
    }

    public void Dispose()
    {
        foreach (var t in _first) t?.Dispose();
        foreach (var t in _second) t?.Dispose();
        foreach (var s in new[] { _one, _momentum, _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _rho, _oneMinusRho, _eps, _minusLr }) s.Dispose();
    }
}
