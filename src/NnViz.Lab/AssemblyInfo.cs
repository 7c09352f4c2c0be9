namespace NnViz.Lab;
